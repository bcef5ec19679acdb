// Salida's progressive enhancements. Every page works without this file; with it:
// the error summary takes focus, questions that do not apply hide, rows are added and removed
// in place, long texts count their characters, a letter's text loads when asked for and can be
// copied, and the decision printed.
(function () {
  "use strict";

  var CONDICION = /^(.+?)(!?=)(.*)$/;

  function valores(form, nombre) {
    var out = [];
    form.querySelectorAll("[name]").forEach(function (c) {
      if (c.name !== nombre) { return; }
      if (c.type === "radio" || c.type === "checkbox") {
        if (c.checked) { out.push(c.value); }
      } else {
        out.push(c.value);
      }
    });
    return out;
  }

  function actualizarVisibles(form) {
    form.querySelectorAll("[data-visible-si]").forEach(function (bloque) {
      var m = CONDICION.exec(bloque.getAttribute("data-visible-si"));
      if (!m) { return; }
      var dados = valores(form, m[1]);
      var presente = m[3] === "*" ? dados.some(function (v) { return v !== ""; }) : dados.indexOf(m[3]) !== -1;
      bloque.hidden = m[2] === "=" ? !presente : presente;
    });
  }

  function anunciar(texto) {
    var vivo = document.getElementById("anuncio-vivo");
    if (!vivo) {
      vivo = document.createElement("div");
      vivo.id = "anuncio-vivo";
      vivo.className = "oculto";
      vivo.setAttribute("role", "status");
      document.body.appendChild(vivo);
    }
    vivo.textContent = "";
    window.setTimeout(function () { vivo.textContent = texto; }, 50);
  }

  function renumerar(grupo) {
    var filas = grupo.querySelectorAll("[data-filas] > [data-fila]");
    filas.forEach(function (fila, i) {
      var numero = fila.querySelector("[data-numero]");
      if (numero) { numero.textContent = String(i + 1); }
    });
    var agregar = grupo.querySelector("[data-agregar]");
    var maximo = parseInt(grupo.getAttribute("data-maximo") || "10", 10);
    if (agregar) { agregar.hidden = filas.length >= maximo; }
  }

  function siguienteIndice(grupo, clave) {
    var mayor = -1;
    var patron = new RegExp("^" + clave.replace(/[.]/g, "\\.") + "\\[(\\d+)\\]");
    grupo.querySelectorAll("[data-filas] [name]").forEach(function (c) {
      var m = patron.exec(c.name);
      if (m) { mayor = Math.max(mayor, parseInt(m[1], 10)); }
    });
    return mayor + 1;
  }

  var ATRIBUTOS = ["name", "id", "for", "aria-describedby", "value", "data-visible-si"];

  function agregarFila(boton) {
    var grupo = boton.closest("[data-grupo]");
    var clave = grupo.getAttribute("data-grupo");
    var plantilla = document.getElementById("plantilla-" + clave);
    var indice = String(siguienteIndice(grupo, clave));
    var copia = plantilla.content.cloneNode(true);
    copia.querySelectorAll("*").forEach(function (nodo) {
      ATRIBUTOS.forEach(function (a) {
        var v = nodo.getAttribute(a);
        if (v && v.indexOf("__i__") !== -1) { nodo.setAttribute(a, v.split("__i__").join(indice)); }
      });
    });
    var filas = grupo.querySelector("[data-filas]");
    filas.appendChild(copia);
    renumerar(grupo);
    actualizarVisibles(boton.form);
    var nueva = filas.lastElementChild;
    var primero = nueva.querySelector("input, select, textarea");
    if (primero) { primero.focus(); }
    anunciar(nueva.querySelector("legend").textContent.trim() + " agregada.");
  }

  function quitarFila(boton) {
    var grupo = boton.closest("[data-grupo]");
    var fila = boton.closest("[data-fila]");
    var nombre = fila.querySelector("legend").textContent.trim();
    fila.parentNode.removeChild(fila);
    renumerar(grupo);
    var titulo = grupo.querySelector(".grupo__titulo");
    titulo.setAttribute("tabindex", "-1");
    titulo.focus();
    anunciar(nombre + " eliminada.");
  }

  function enfocarCampo(id) {
    var campo = document.getElementById(id);
    if (!campo) { return false; }
    var contenedor = campo.closest("fieldset, .campo") || campo;
    contenedor.scrollIntoView();
    campo.focus({preventScroll: true});
    return true;
  }

  function copiar(boton) {
    var area = document.getElementById(boton.getAttribute("data-copiar"));
    var estado = document.querySelector("[data-copiado-de='" + area.id + "']");
    function listo() { if (estado) { estado.textContent = "Texto copiado."; } }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(area.value).then(listo, function () {
        area.select();
        if (estado) { estado.textContent = "Seleccionado: use Ctrl+C o Copiar."; }
      });
    } else {
      area.select();
      try { document.execCommand("copy"); listo(); } catch (e) { /* the text stays selected */ }
    }
  }

  function contar(area) {
    var aviso = document.querySelector("[data-contador='" + area.id + "']");
    if (!aviso) { return; }
    var maximo = parseInt(aviso.getAttribute("data-maximo") || "0", 10);
    var quedan = maximo - area.value.length;
    // No maxlength on the text area: a browser would cut a pasted text mid-sentence without a word.
    aviso.textContent = quedan < 0 ? "Sobran " + (-quedan) + " caracteres: acorte el texto a " + maximo + "." :
      quedan === 1 ? "Queda 1 de " + maximo + " caracteres." :
      "Quedan " + quedan + " de " + maximo + " caracteres.";
    aviso.classList.toggle("campo__contador--excedido", quedan < 0);
    aviso.classList.toggle("campo__contador--cerca", quedan < maximo / 10);
  }

  // A PDF download shows progress: the button is busy and a status line says so. Without this
  // script the button submits the form and the browser downloads the answer the usual way.
  function descargar(boton) {
    var form = document.getElementById(boton.getAttribute("form"));
    var estado = document.querySelector("[data-progreso-de='" + boton.getAttribute("data-descarga") + "']");
    if (!form || !window.fetch || !window.URL || boton.getAttribute("aria-busy") === "true") { return false; }
    boton.setAttribute("aria-busy", "true");
    boton.disabled = true;
    if (estado) { estado.textContent = "Preparando el PDF… puede tardar unos segundos."; }
    function terminar(texto) {
      boton.removeAttribute("aria-busy");
      boton.disabled = false;
      if (estado) { estado.textContent = texto; }
    }
    fetch(boton.getAttribute("formaction"), {method: "POST", body: new FormData(form), credentials: "same-origin"})
      .then(function (r) {
        if (!r.ok) {
          terminar(r.status === 429 || r.status === 503
            ? "Hay muchas descargas en este momento. Espere un minuto y vuelva a intentarlo."
            : "No se pudo preparar el PDF. Vuelva a intentarlo más tarde.");
          return null;
        }
        var nombre = /filename="([^"]+)"/.exec(r.headers.get("Content-Disposition") || "");
        return r.blob().then(function (datos) {
          var enlace = document.createElement("a");
          enlace.href = URL.createObjectURL(datos);
          enlace.download = nombre ? nombre[1] : "carta.pdf";
          document.body.appendChild(enlace);
          enlace.click();
          enlace.remove();
          window.setTimeout(function () { URL.revokeObjectURL(enlace.href); }, 60000);
          terminar("PDF listo: revise sus descargas.");
        });
      })
      .catch(function () { terminar("No se pudo preparar el PDF. Revise su conexión y vuelva a intentarlo."); });
    return true;
  }

  // A letter's text for copying is drawn only when asked for: opening its details posts the case
  // form (the case and the CSRF token in the body, nothing personal in the address) to the letter's
  // .txt address. Without this script the details say to use "Descargar texto".
  var TEXTO_FALLO = "No se pudo cargar el texto de la carta. Vuelva a intentarlo en un momento o use «Descargar texto».";
  var TEXTO_SIN_RED = "No se pudo cargar el texto: revise su conexión y vuelva a intentarlo, o use «Descargar texto».";

  function motivoDelServidor(html) {
    try {
      var p = new DOMParser().parseFromString(html, "text/html").querySelector(".pagina-error h1 + p");
      return p ? p.textContent.trim() : "";
    } catch (e) { return ""; }
  }

  function cargarTexto(detalles) {
    var fase = detalles.getAttribute("data-fase");
    if (fase === "cargando" || fase === "listo") { return; }
    var form = document.getElementById("caso-form");
    var estado = detalles.querySelector("[data-estado-texto]");
    var area = detalles.querySelector("textarea");
    var copiar = detalles.querySelector("[data-copiar]");
    var reintentar = detalles.querySelector("[data-reintentar]");
    function fallo(texto, reintentable) {
      detalles.setAttribute("data-fase", "error");
      detalles.removeAttribute("aria-busy");
      estado.classList.add("carta__estado-texto--error");
      estado.textContent = texto;
      reintentar.hidden = !reintentable;
    }
    if (!form || !window.fetch || !window.FormData) { fallo(TEXTO_FALLO, false); return; }
    detalles.setAttribute("data-fase", "cargando");
    detalles.setAttribute("aria-busy", "true");
    reintentar.hidden = true;
    estado.classList.remove("carta__estado-texto--error", "oculto");
    estado.textContent = "Cargando el texto…";
    fetch(detalles.getAttribute("data-texto-carta"), {method: "POST", body: new FormData(form), credentials: "same-origin"})
      .then(function (r) {
        return r.text().then(function (cuerpo) {
          if (r.ok && /^text\/plain/.test(r.headers.get("Content-Type") || "")) {
            area.value = cuerpo;
            area.hidden = false;
            copiar.hidden = false;
            detalles.setAttribute("data-fase", "listo");
            detalles.removeAttribute("aria-busy");
            estado.classList.add("oculto");  // said to screen readers; the text itself is in view
            estado.textContent = "Texto de la carta cargado.";
            return;
          }
          // 409 (the letter does not apply) and 400 (the page's security token expired) carry a
          // Spanish reason that trying again would not change; anything else may pass.
          var motivo = (r.status === 400 || r.status === 409 || r.status === 413) ? motivoDelServidor(cuerpo) : "";
          if (motivo) { fallo(motivo, false); } else { fallo(TEXTO_FALLO, true); }
        });
      })
      .catch(function () { fallo(TEXTO_SIN_RED, true); });
  }

  function iniciar() {
    document.documentElement.classList.add("js");
    var resumen = document.querySelector("[data-enfocar]");
    if (resumen) { resumen.focus({preventScroll: true}); }

    document.querySelectorAll("form").forEach(function (form) {
      if (!form.querySelector("[data-visible-si]")) { return; }
      actualizarVisibles(form);
      form.addEventListener("change", function () { actualizarVisibles(form); });
    });
    document.querySelectorAll("[data-grupo]").forEach(renumerar);
    document.querySelectorAll("textarea[data-maximo]").forEach(contar);
    document.addEventListener("input", function (ev) {
      if (ev.target.matches && ev.target.matches("textarea[data-maximo]")) { contar(ev.target); }
    });
    document.querySelectorAll("[data-copiar], [data-imprimir]").forEach(function (b) {
      b.hidden = !!b.closest("[data-texto-carta]");  // a letter's copy button waits for its text
    });
    document.addEventListener("toggle", function (ev) {  // toggle does not bubble: listen on capture
      var d = ev.target;
      if (d.open && d.matches && d.matches("details[data-texto-carta]")) { cargarTexto(d); }
    }, true);
    document.querySelectorAll("details[data-texto-carta][open]").forEach(cargarTexto);

    document.addEventListener("click", function (ev) {
      var objetivo = ev.target.closest("[data-agregar], [data-quitar], [data-copiar], [data-imprimir], [data-descarga], [data-reintentar], .resumen-errores a");
      if (!objetivo) { return; }
      if (objetivo.hasAttribute("data-reintentar")) {
        var detalles = objetivo.closest("details[data-texto-carta]");
        detalles.querySelector("summary").focus();  // the button hides while the text loads
        cargarTexto(detalles);
        return;
      }
      if (objetivo.hasAttribute("data-descarga")) { if (descargar(objetivo)) { ev.preventDefault(); } return; }
      if (objetivo.hasAttribute("data-agregar")) { ev.preventDefault(); agregarFila(objetivo); }
      else if (objetivo.hasAttribute("data-quitar")) { ev.preventDefault(); quitarFila(objetivo); }
      else if (objetivo.hasAttribute("data-copiar")) { copiar(objetivo); }
      else if (objetivo.hasAttribute("data-imprimir")) { window.print(); }
      else if (enfocarCampo(objetivo.getAttribute("href").slice(1))) { ev.preventDefault(); }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", iniciar);
  } else {
    iniciar();
  }
}());
