// Material for MkDocs 9.8.1's inline content script (partials/javascripts/content.html), moved into
// a file for the Content-Security-Policy: open the content tab that the URL's #fragment names.
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"));
// base.html drops Material's autocomplete="off" from the drawer and search toggles (invalid HTML on a
// checkbox). It was there so that Firefox would not restore an open drawer or search when a reader
// comes back to the page; this script runs after both toggles are parsed and before Material's
// bundle reads them, so it closes them instead.
for(var toggle of document.querySelectorAll("input.md-toggle[data-md-toggle]"))toggle.checked=!1;
