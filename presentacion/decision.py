"""The decision as a page tells it: the answer first, then grounds, deadlines and missing facts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from presentacion import etiquetas as et
from presentacion.linea_de_tiempo import linea_de_tiempo
from rules import AVISO_LEGAL, NO_SABE_PERMANENCIA, Caso, Decision, Hallazgo, canales
from rules import texto as tx

# The order to file suggested letters in (the saved case's next letter follows it too).
PRIORIDAD_CARTAS = ("recurso", "silencio_positivo", "queja", "terminacion", "queja_sic")

# Where a fact of the case is asked: Caso path → (the question, the id of its form field). The
# interview knows this (`web.donde_se_pregunta`); callers pass it in.
Ubicar = Callable[[str], tuple[str, str]]


@dataclass(frozen=True)
class PasoEnPagina:
    """The next step of one complaint, as the page says it."""

    reclamacion: str
    estado: str
    texto: str
    hasta: date | None
    fuente_estado: str


@dataclass(frozen=True)
class PeticionesDeCarta:
    """What one letter asks for, and each request left out of it with the reason."""

    incluye: list[str]
    omite: list[tuple[str, str]]


@dataclass(frozen=True)
class Respuesta:
    """The answer in one sentence, its tone (si | prueba | costo | falta) and what follows from it."""

    tono: str
    titular: str
    detalles: list[str] = field(default_factory=list)
    fundamentos: list[Hallazgo] = field(default_factory=list)
    # The procedure's next step per complaint, and each letter's requests (carried and left out).
    pasos: list[PasoEnPagina] = field(default_factory=list)
    peticiones: dict[str, PeticionesDeCarta] = field(default_factory=dict)


@dataclass(frozen=True)
class Faltante:
    """A fact that could change the answer, with the question that asks it and why it matters."""

    ruta: str
    pregunta: str
    campo_id: str
    por_que: list[str]


@dataclass(frozen=True)
class Capitulo:
    """The findings of one chapter of the rulebook not shown among the main grounds."""

    titulo: str
    hallazgos: list[Hallazgo]

    def cuenta(self) -> str:
        """'8 reglas: 3 se cumplen, 5 no aplican a su caso'."""
        partes: dict[str, int] = {}
        for h in self.hallazgos:
            partes[h.resultado] = partes.get(h.resultado, 0) + 1
        detalle = ", ".join(f"{n} {et.RESULTADOS_PLURAL[r][n != 1]}" for r, n in partes.items())
        return f"{tx.plural(len(self.hallazgos), 'regla', 'reglas')}: {detalle}"


@dataclass(frozen=True)
class PorQue:
    """The grounds that decide the answer (shown open) and the other rules, by chapter."""

    principales: list[Hallazgo]
    capitulos: list[Capitulo]


def _pesos(valor: int) -> str:
    return tx.pesos(valor)


def respuesta(caso: Caso, d: Decision, ubicar: Ubicar) -> Respuesta:
    """The answer, with each complaint's next step and what each letter asks for or leaves out."""
    return replace(_respuesta(caso, d, ubicar), pasos=pasos(d), peticiones=peticiones_por_carta(d))


ESTADOS_TRAMITE = {
    "en_termino": "En término para responder", "respondida_favorable": "Respondida a favor",
    "respondida_parcial": "Respondida en parte", "respondida_desfavorable": "Respondida en contra",
    "respondida_incompleta": "Respondida de forma incompleta",
    "recurso_en_termino": "Puede presentar el recurso", "recurso_extemporaneo": "Recurso fuera de término",
    "en_firme": "Decisión en firme", "apelada": "En apelación",
    "silencio_positivo": "Opera el silencio positivo", "incumplido": "Silencio positivo sin cumplir",
    "cumplida": "Cumplida",
}


def contexto(caso: Caso, d: Decision, ubicar: Ubicar) -> dict[str, object]:
    """Everything the result page shows, each sentence once: the steps first, the law last."""
    r = respuesta(caso, d, ubicar)
    ahora = que_hacer(caso, d, r)
    dichas: set[str] = {p.texto for p in ahora.pasos}
    detalles = sin_repetir(r.detalles, dichas)
    hitos = linea_de_tiempo(d.plazos, d.fecha_evaluacion, marcar_hoy=True,
                            fin=d.terminacion.fecha_efectiva)
    return {
        "respuesta": r, "ahora": ahora, "detalles": detalles, "avisos": [*avisos(d), *_sin_dato(caso)],
        "hitos": hitos, "proximo": next((h for h in hitos if h.situacion == "pendiente"), None),
        "faltantes": faltantes(d, ubicar, dichas), "por_que": por_que(d),
        "compensacion": compensacion_filas(d),
    }


def _sin_dato(caso: Caso) -> list[str]:
    """Facts the letters go without because the person does not know them."""
    if caso.contrato.numero is None:
        return ["Sus cartas no llevan el número de contrato o cuenta: si lo encuentra en su factura, "
                "escríbalo en ellas antes de presentarlas."]
    return []


def pasos(d: Decision) -> list[PasoEnPagina]:
    """Each complaint's state and its one next step, from the decision's procedure."""
    salida = []
    for t in d.procedimiento:
        nombre = f"{et.TIPOS_PQR.get(t.tipo, t.tipo).capitalize()} del {tx.fecha(t.radicada)}"
        if t.cun:
            nombre += f" (CUN {t.cun})"
        salida.append(PasoEnPagina(nombre, ESTADOS_TRAMITE.get(t.estado, t.estado),
                                   t.siguiente_paso.descripcion, t.siguiente_paso.hasta,
                                   t.siguiente_paso.estado))
    return salida


def peticiones_por_carta(d: Decision) -> dict[str, PeticionesDeCarta]:
    """For each possible letter, the requests it carries and those left out, with the reason."""
    return {
        tipo: PeticionesDeCarta(
            [s.principal for s in d.solicitudes if tipo in s.cartas],
            [(s.principal, s.omitida[tipo]) for s in d.solicitudes if tipo in s.omitida],
        )
        for tipo in d.cartas_posibles
    }


def _respuesta(caso: Caso, d: Decision, ubicar: Ubicar) -> Respuesta:
    """Sí / puede terminar pero le puede costar hasta $X / falta un dato — never surer than the grounds."""
    perm, term = d.permanencia, d.terminacion
    fundamentos = [h for i in perm.fundamentos if (h := d.hallazgo(i)) is not None]
    detalles = _cuando(caso, d)
    cambiaria = _podria_cambiar(d, ubicar)
    if not term.puede_terminar:
        return Respuesta("falta", "Salida no puede evaluar este caso con esas fechas.", avisos(d))
    if perm.exigible is False:
        if not perm.existe:
            return Respuesta("si", "Sí, puede terminar sin pagar permanencia.",
                             ["Usted indicó que su contrato no tiene cláusula de permanencia.", *detalles])
        if not fundamentos:
            fin = f" el {tx.fecha(perm.fecha_fin)}" if perm.fecha_fin else ""
            return Respuesta("si", "Sí, puede terminar sin pagar la permanencia.",
                             [f"Su permanencia ya terminó{fin}.", *detalles])
        return Respuesta("si", "Sí, puede terminar sin pagar la permanencia.", detalles, fundamentos)
    if perm.exigible is None and caso.hay_permanencia == "no_se":
        return Respuesta("falta", "Puede terminar el contrato; falta saber si tiene cláusula de "
                         "permanencia.", [NO_SABE_PERMANENCIA, *detalles])
    if perm.exigible is None:
        if not fundamentos:
            return Respuesta("falta", "Salida no puede decidir sobre la permanencia de este contrato.",
                             [*avisos(d), *detalles])
        si_falla = ([f"Si ese argumento no prospera, la permanencia le puede costar hasta "
                     f"{_pesos(perm.valor_proporcional)}."] if perm.valor_proporcional else [])
        titular = ("Puede terminar sin pagar la permanencia si demuestra los hechos."
                   if perm.fuerza == "requiere_prueba" else
                   "Puede terminar y tiene un argumento para no pagar la permanencia, pero es discutible.")
        return Respuesta("prueba", titular, [*detalles, *si_falla, *cambiaria], fundamentos)
    if perm.valor_maximo is None:
        falta = next((f for f in faltantes(d, ubicar) if f.ruta == "permanencia.valor_beneficio"), None)
        dato = et.FALTA_UN_DATO.get(falta.ruta, _sin_signos(falta.pregunta)) if falta else \
            "el valor de lo que recibió a cambio de la permanencia"
        return Respuesta("falta", f"Falta un dato: {dato}.", [
            "Puede terminar, pero el operador puede cobrarle la parte del beneficio que falte por "
            "pagar; con ese dato calculamos cuánto es lo máximo.", *detalles, *cambiaria])
    return Respuesta("costo", f"Puede terminar, pero la permanencia le puede costar hasta "
                     f"{_pesos(perm.valor_maximo)}.", [*detalles, *_explicacion(d, "P5"), *cambiaria])


def _podria_cambiar(d: Decision, ubicar: Ubicar) -> list[str]:
    preguntas = [f.pregunta for f in faltantes(d, ubicar) if f.ruta.startswith("permanencia.")
                 and f.ruta != "permanencia.valor_beneficio"]
    if not preguntas:
        return []
    return ["Su respuesta a " + tx.lista(f"«{p}»" for p in preguntas) + " podría cambiar esto: vea "
            "«Datos que podrían cambiar la respuesta»."]


def _sin_signos(pregunta: str) -> str:
    texto = pregunta.strip().lstrip("¿").rstrip("?")
    return texto[:1].lower() + texto[1:]


def avisos(d: Decision) -> list[str]:
    """The decision's warnings, without the legal notice every page already shows."""
    return [a for a in d.advertencias if a != AVISO_LEGAL]


def _explicacion(d: Decision, regla: str) -> list[str]:
    h = d.hallazgo(regla)
    return [h.explicacion] if h and h.resultado == "cumple" else []


def _cuando(caso: Caso, d: Decision) -> list[str]:
    term = d.terminacion
    if term.fecha_efectiva is None:
        return []
    if caso.solicitud_terminacion is not None:
        return [f"Con la solicitud que hizo el {tx.fecha(caso.solicitud_terminacion.fecha)}, el "
                f"contrato termina el {tx.fecha(term.fecha_efectiva)}."]
    if term.fecha_limite_aviso and term.fecha_limite_aviso >= d.fecha_evaluacion:
        return [f"Si pide la terminación a más tardar el {tx.fecha(term.fecha_limite_aviso)}, el "
                f"contrato termina el {tx.fecha(term.fecha_efectiva)}."]
    if term.explicacion:  # this period's deadline passed: say so, and when it ends if asked today
        return [term.explicacion]
    return [f"Si pide la terminación el {tx.fecha(d.fecha_evaluacion)}, el contrato termina el "
            f"{tx.fecha(term.fecha_efectiva)}."]


def faltantes(d: Decision, ubicar: Ubicar, ya_dichas: set[str] | None = None) -> list[Faltante]:
    """The facts the engine says would change the answer, as the questions that ask them; a reason
    already said on the page (in `ya_dichas`) is not said again."""
    dichas = ya_dichas if ya_dichas is not None else set()
    lista: list[Faltante] = []
    for ruta in d.faltantes:
        pregunta, campo = ubicar(ruta)
        por_que = sin_repetir([h.explicacion for h in d.hallazgos if ruta in h.faltantes], dichas)
        lista.append(Faltante(ruta, pregunta, campo, por_que))
    return lista


def por_que(d: Decision) -> PorQue:
    """The answer's grounds, every ground to leave without paying (held or not) and missing facts
    first; the other rules checked, grouped by chapter."""
    perm, term = d.permanencia.fundamentos, d.terminacion.fundamentos

    def _rango(h: Hallazgo) -> int | None:
        if h.id in perm:
            return 0
        if h.regla.startswith("B") and h.resultado != "no_aplica":
            return 1
        if h.id in term:
            return 2
        return 3 if h.resultado == "falta_informacion" else None

    principales = sorted((h for h in d.hallazgos if _rango(h) is not None), key=lambda h: _rango(h) or 0)
    grupos: dict[str, Capitulo] = {}
    for h in d.hallazgos:
        if h not in principales:
            letra = h.regla[0]
            grupos.setdefault(letra, Capitulo(et.CAPITULOS.get(letra, letra), [])).hallazgos.append(h)
    return PorQue(principales, list(grupos.values()))


def _motivo_sin_limite(d: Decision, servicio: str) -> str:
    """Why a service has no hour limit: the compensation finding's words, without its restated facts."""
    h = next((h for h in d.hallazgos if h.regla.startswith("C") and h.resultado != "no_aplica"
              and (servicio == "movil") == h.id.endswith("movil")), None)
    if h is None:
        return "La norma no fija un límite de horas para este servicio."
    _, punto, resto = h.explicacion.partition(". ")
    return tx.mayuscula(resto) if punto and resto else h.explicacion


def compensacion_filas(d: Decision) -> list[dict[str, str]]:
    """The compensation table's rows, in words."""
    filas = []
    for m in d.compensacion.por_mes:
        motivo = ""
        if m.umbral_horas is None:
            valor = "Sin compensación automática"
            motivo = _motivo_sin_limite(d, m.servicio)
        elif not m.supera_umbral:
            valor = "No superó el límite"
        else:
            valor = _pesos(m.valor_estimado or 0) + (" (automática)" if m.automatica else "")
        filas.append({
            "servicio": et.SERVICIOS.get(m.servicio, m.servicio),
            "mes": tx.mes(m.mes),
            "horas": tx.duracion(m.horas) + (" (sigue en curso)" if m.en_curso else ""),
            "limite": tx.duracion(m.umbral_horas) if m.umbral_horas is not None else "No tiene",
            "valor": valor,
            "motivo": motivo,
        })
    return filas


# --- "Qué hacer ahora": the decision's next steps in order, where to file and what to keep ---

FIABILIDAD: dict[str, str] = {
    "V": "Dato verificado en la norma o en una página oficial.",
    "S": "Dato de fuentes que coinciden; verifique antes de usarlo.",
    "U": "Dato sin confirmar: verifique en la página del operador antes de usarlo.",
}


@dataclass(frozen=True)
class CanalEnPagina:
    """One place to file a letter, with where the datum comes from and how sure it is, in words."""

    nombre: str
    url: str | None
    fuente: str
    fiabilidad: str


@dataclass(frozen=True)
class PasoAhora:
    """One step of "Qué hacer ahora": a letter to file (or a wait), by when and where."""

    titulo: str
    texto: str
    carta: str | None = None
    hasta: date | None = None
    cuando: str | None = None
    ante: str | None = None
    canales: list[CanalEnPagina] = field(default_factory=list)
    aviso: str | None = None


@dataclass(frozen=True)
class QueHacer:
    """The verdict in one sentence, the ordered steps, the evidence to keep and what to do with a CUN."""

    veredicto: str
    pasos: list[PasoAhora]
    pruebas: list[str]
    con_el_cun: list[str]
    consultado: date


def _canales(lista: list[canales.Canal]) -> list[CanalEnPagina]:
    return [CanalEnPagina(c.nombre, c.url, c.fuente, FIABILIDAD[c.estado]) for c in lista]


def _donde(d: Decision, ante: str | None) -> tuple[list[CanalEnPagina], str | None]:
    if ante == "SIC":
        return _canales(canales.canales().sic), None
    if ante != "operador":
        return [], None
    dest = d.destinatario
    propios = canales.canales().del_operador(dest.clave if dest else "")
    return _canales(propios), (dest.motivo if dest and dest.confirmar else None)


def _paso_de_carta(caso: Caso, d: Decision, tipo: str) -> PasoAhora:
    """A suggested letter as a step: the procedure's words and date when it calls for the letter."""
    titulo = et.CARTAS[tipo][0]
    propio = next((t.siguiente_paso for t in d.procedimiento
                   if t.siguiente_paso.carta == tipo and t.siguiente_paso.accion == "presentar"), None)
    ante = "SIC" if tipo == "queja_sic" else "operador"
    canales_, aviso = _donde(d, ante)
    if propio is not None:
        cuando = (f"A más tardar el {tx.fecha(propio.hasta)}" if propio.hasta else "Cuanto antes")
        return PasoAhora(titulo, propio.descripcion, tipo, propio.hasta, cuando, ante, canales_, aviso)
    term = d.terminacion
    if tipo == "terminacion" and term.fecha_limite_aviso and term.fecha_limite_aviso >= d.fecha_evaluacion:
        texto = " ".join(_cuando(caso, d)) or et.CARTAS[tipo][1]
        return PasoAhora(titulo, texto, tipo, term.fecha_limite_aviso,
                         f"A más tardar el {tx.fecha(term.fecha_limite_aviso)}", ante, canales_, aviso)
    if tipo == "queja_sic":
        sap = next((t.siguiente_paso for t in d.procedimiento if t.estado == "silencio_positivo"), None)
        cuando = (f"Solo si el operador no cumple; después del {tx.fecha(sap.hasta)}"
                  if sap and sap.hasta else "Solo si el operador no cumple")
        return PasoAhora(titulo, et.CARTAS[tipo][1], tipo, None, cuando, ante, canales_, aviso)
    return PasoAhora(titulo, et.CARTAS[tipo][1], tipo, None, "Cuanto antes", ante, canales_, aviso)


def que_hacer(caso: Caso, d: Decision, r: Respuesta) -> QueHacer:
    """The suggested letters in the order to file them, then the waits the procedure calls for."""
    pasos = [_paso_de_carta(caso, d, t) for t in PRIORIDAD_CARTAS if t in d.cartas_sugeridas]
    for t in d.procedimiento:
        s = t.siguiente_paso
        if s.accion == "esperar":
            pasos.append(PasoAhora("Espere la respuesta" if s.ante == "operador" else "Espere",
                                   s.descripcion, None, s.hasta,
                                   f"Hasta el {tx.fecha(s.hasta)}" if s.hasta else None, s.ante))
    return QueHacer(r.titular, pasos, pruebas(caso), con_el_cun(d), canales.canales().consultado)


def pruebas(caso: Caso) -> list[str]:
    """What to keep, from what the case reports."""
    lista = ["Una copia de cada carta que presente y la constancia de que la presentó (con la fecha).",
             "El CUN que le den por cada carta o reclamación."]
    cuns = sorted({r.cun for r in caso.reclamaciones if r.cun} | {f.cun for f in caso.fallas if f.cun})
    if cuns:
        lista.append(f"Los CUN que ya tiene: {tx.lista(cuns)}.")
    if caso.fallas:
        lista.append("Lo que muestre la falla y sus horas: reportes al operador, mensajes, capturas de "
                     "pantalla, avisos de la empresa o noticias de una falla masiva.")
    lista.append("Su contrato y las facturas de los meses de la falla y de los siguientes.")
    if caso.gastos_adicionales:
        lista.append("Los recibos o soportes de los gastos que le causó la falla.")
    return lista


def con_el_cun(d: Decision) -> list[str]:
    """What to do once the operator gives a CUN for a letter filed today."""
    lineas = ["Anote el CUN y la fecha en que presentó la carta: identifica su trámite hasta la SIC."]
    nueva = d.respuesta_nueva_pqr
    if nueva and nueva.vence:
        lineas.append(f"Si la presenta hoy, el operador tiene hasta el {tx.fecha(nueva.vence)} para "
                      "responder. Si no responde a tiempo, lo que pidió se entiende concedido: vuelva a "
                      "Salida, agregue la reclamación con su CUN y le redactamos la carta siguiente.")
    lineas.append("Si le responden en contra, no espere: el plazo para recurrir es corto. Agregue la "
                  "respuesta en Salida para saber hasta cuándo puede presentar el recurso.")
    return lineas


def sin_repetir(frases: list[str], ya_dichas: set[str]) -> list[str]:
    """The sentences not said yet on the page (each is then counted as said)."""
    nuevas = []
    for f in frases:
        if f not in ya_dichas:
            ya_dichas.add(f)
            nuevas.append(f)
    return nuevas
