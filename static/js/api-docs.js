// The API docs page: read /api/openapi.json, list each operation and let the reader try it.
(function () {
  "use strict";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
    return node;
  }

  // Tiny Markdown: paragraphs, "- " lists, **bold** and `code` (text is never parsed as HTML).
  function enLinea(texto, nodo) {
    texto.split(/(\*\*[^*]+\*\*|`[^`]+`)/).forEach(function (parte) {
      if (/^\*\*[\s\S]*\*\*$/.test(parte)) { nodo.appendChild(el("strong", {text: parte.slice(2, -2)})); }
      else if (/^`[\s\S]*`$/.test(parte)) { nodo.appendChild(el("code", {text: parte.slice(1, -1)})); }
      else if (parte) { nodo.appendChild(document.createTextNode(parte)); }
    });
    return nodo;
  }

  function parrafos(texto) {
    return texto.split(/\n\s*\n/).map(function (bloque) {
      var lineas = bloque.trim().split("\n");
      if (lineas.every(function (l) { return /^\s*[-*] /.test(l) || /^\s{2,}\S/.test(l); }) && /^\s*[-*] /.test(lineas[0])) {
        var ul = el("ul");
        lineas.forEach(function (l) {
          if (/^\s*[-*] /.test(l)) { ul.appendChild(enLinea(l.replace(/^\s*[-*] /, ""), el("li"))); }
          else if (ul.lastChild) { enLinea(" " + l.trim(), ul.lastChild); }
        });
        return ul;
      }
      return enLinea(bloque.replace(/\n/g, " "), el("p"));
    });
  }

  function ejemplo(op) {
    var cont = op.requestBody && op.requestBody.content["application/json"];
    if (!cont || !cont.examples) { return null; }
    var primero = cont.examples[Object.keys(cont.examples)[0]];
    return JSON.stringify(primero.value, null, 2);
  }

  function campoParametro(id, p) {
    var caja = el("div", {"class": "campo campo--medio"});
    caja.appendChild(el("label", {"class": "campo__etiqueta", "for": id,
      text: p.name + " (" + (p.in === "path" ? "ruta" : "consulta") + ")"}));
    var control;
    if (p.schema && p.schema["enum"]) {
      control = el("select", {"class": "control", id: id, "data-param": p.name, "data-in": p.in});
      p.schema["enum"].forEach(function (v) {
        var o = el("option", {value: v, text: v});
        if (v === p.schema["default"]) { o.selected = true; }
        control.appendChild(o);
      });
    } else {
      control = el("input", {"class": "control", id: id, "data-param": p.name, "data-in": p.in});
    }
    caja.appendChild(control);
    return caja;
  }

  function mostrarRespuesta(salida, resp) {
    salida.textContent = "";
    var tipo = resp.headers.get("Content-Type") || "";
    salida.appendChild(el("p", {"class": "api-docs__estado", text: "HTTP " + resp.status + " · " + tipo}));
    if (tipo.indexOf("application/pdf") === 0) {
      return resp.blob().then(function (blob) {
        var enlace = el("a", {href: URL.createObjectURL(blob), download: "salida-carta.pdf", "class": "boton boton--secundario",
          text: "Descargar el PDF (" + Math.round(blob.size / 1024) + " KiB)"});
        salida.appendChild(enlace);
      });
    }
    return resp.text().then(function (texto) {
      if (tipo.indexOf("json") !== -1) {
        try { texto = JSON.stringify(JSON.parse(texto), null, 2); } catch (e) { /* keep as is */ }
      }
      salida.appendChild(el("pre", {"class": "api-docs__pre", tabindex: "0", text: texto}));
    });
  }

  function operacion(ruta, metodo, op, n) {
    var id = "op-" + n;
    var seccion = el("section", {"class": "api-op", id: id, "aria-labelledby": id + "-titulo"});
    seccion.appendChild(el("h2", {"class": "api-op__titulo", id: id + "-titulo"}, [
      el("span", {"class": "api-op__metodo", text: metodo.toUpperCase()}),
      el("code", {text: " " + ruta})
    ]));
    seccion.appendChild(el("p", {"class": "api-op__resumen", text: op.summary || ""}));
    parrafos(op.description || "").forEach(function (p) { seccion.appendChild(p); });
    var respuestas = el("ul", {"class": "api-op__respuestas"});
    Object.keys(op.responses || {}).forEach(function (codigo) {
      respuestas.appendChild(enLinea(" " + (op.responses[codigo].description || ""),
        el("li", {}, [el("code", {text: codigo})])));
    });
    seccion.appendChild(el("h3", {text: "Respuestas"}));
    seccion.appendChild(respuestas);

    var form = el("form", {"class": "api-op__prueba"});
    form.appendChild(el("h3", {text: "Probar"}));
    (op.parameters || []).forEach(function (p, i) { form.appendChild(campoParametro(id + "-p" + i, p)); });
    var cuerpo = ejemplo(op);
    if (cuerpo !== null) {
      var caja = el("div", {"class": "campo"});
      caja.appendChild(el("label", {"class": "campo__etiqueta", "for": id + "-cuerpo", text: "Cuerpo (JSON del caso)"}));
      var area = el("textarea", {"class": "control api-op__cuerpo", id: id + "-cuerpo", rows: "12", spellcheck: "false"});
      area.value = cuerpo;
      caja.appendChild(area);
      form.appendChild(caja);
    }
    form.appendChild(el("button", {"class": "boton boton--principal", type: "submit", text: "Enviar solicitud"}));
    var salida = el("div", {"class": "api-op__salida", "aria-live": "polite"});
    form.appendChild(salida);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var url = ruta, consulta = [];
      form.querySelectorAll("[data-param]").forEach(function (c) {
        if (c.getAttribute("data-in") === "path") {
          url = url.replace("{" + c.getAttribute("data-param") + "}", encodeURIComponent(c.value));
        } else if (c.value) {
          consulta.push(encodeURIComponent(c.getAttribute("data-param")) + "=" + encodeURIComponent(c.value));
        }
      });
      if (consulta.length) { url += "?" + consulta.join("&"); }
      var opciones = {method: metodo.toUpperCase(), headers: {}};
      var area = form.querySelector("textarea");
      if (area) { opciones.body = area.value; opciones.headers["Content-Type"] = "application/json"; }
      salida.textContent = "Enviando…";
      fetch(url, opciones).then(function (resp) { return mostrarRespuesta(salida, resp); })
        .catch(function () { salida.textContent = "No se pudo conectar con el servidor."; });
    });
    seccion.appendChild(form);
    return seccion;
  }

  function iniciar() {
    var cont = document.getElementById("api-operaciones");
    if (!cont) { return; }
    fetch(cont.getAttribute("data-openapi")).then(function (r) { return r.json(); }).then(function (doc) {
      cont.textContent = "";
      var desc = document.getElementById("api-descripcion");
      parrafos(doc.info.description || "").forEach(function (p) { desc.appendChild(p); });
      var n = 0;
      Object.keys(doc.paths).forEach(function (ruta) {
        Object.keys(doc.paths[ruta]).forEach(function (metodo) {
          cont.appendChild(operacion(ruta, metodo, doc.paths[ruta][metodo], n++));
        });
      });
      var esquemas = document.getElementById("api-esquemas");
      Object.keys(doc.components.schemas).sort().forEach(function (nombre) {
        esquemas.appendChild(el("details", {"class": "api-esquema"}, [
          el("summary", {}, [el("code", {text: nombre})]),
          el("pre", {"class": "api-docs__pre", tabindex: "0", text: JSON.stringify(doc.components.schemas[nombre], null, 2)})
        ]));
      });
    }).catch(function () { cont.textContent = "No se pudo leer el documento OpenAPI."; });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", iniciar); } else { iniciar(); }
}());
