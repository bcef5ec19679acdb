// Batch page: poll the batch's progress and reload once it is finished (no inline script: CSP).
(function () {
  "use strict";
  var raiz = document.querySelector("[data-lote-estado]");
  if (!raiz) { return; }
  var url = raiz.getAttribute("data-lote-estado");
  var preparando = raiz.getAttribute("data-lote-fase") === "preparando";
  function poner(id, valor) {
    var el = document.getElementById(id);
    if (el) { el.textContent = String(valor); }
  }
  function consultar() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (e) {
        if (!e) { return; }
        var barra = document.getElementById("lote-progreso");
        if (barra) { barra.max = e.total; barra.value = e.hechas; }
        poner("lote-porcentaje", e.porcentaje + " %");
        poner("lote-ok", e.ok);
        poner("lote-error", e.error);
        // Reload when done (and its zip is built), or when the batch stopped and the page does not
        // yet offer "Reanudar".
        var listo = e.terminado && (!preparando || e.paquete !== "preparando");
        if (listo || (e.detenido && !document.getElementById("lote-reanudar"))) {
          window.location.reload();
        } else { window.setTimeout(consultar, 2000); }
      })
      .catch(function () { window.setTimeout(consultar, 5000); });
  }
  window.setTimeout(consultar, 1500);
})();
