"""What each ``extrel`` command does, one module per command (the shape of MkDocs'
``commands/``); ``extrel.cli`` only parses the command line and calls them. Every command
enters through the region's ``core.project.Project`` (``common.load_project``)."""
