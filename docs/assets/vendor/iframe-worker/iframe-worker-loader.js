/* Loads the iframe-worker shim only where it is needed: pages opened from disk (file://), where
   browsers refuse Web Workers and Material's search would not start. Online pages skip the download.
   Runs in the page head, before Material's bundle creates its search worker. */
if (location.protocol === "file:") {
  document.write('<script src="' + document.currentScript.src.replace(/[^/]+$/, "iframe-worker-shim.js") + '"><\/script>');
}
