// extrel: Decap CMS is started by extrel.js, once its file format and hooks are registered
window.CMS_MANUAL_INIT = true;
