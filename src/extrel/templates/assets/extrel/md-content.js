/* Material for MkDocs 9 (MIT licence), its inline script moved into a file by extrel so that
   the Content-Security-Policy allows no inline script. Keep in step with Material. */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
