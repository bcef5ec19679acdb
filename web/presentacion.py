"""The decision as the page tells it: the answer first, then grounds, deadlines and missing facts."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from rules import Caso, Decision
from rules import texto as tx
from rules.decision import Hallazgo, Plazo
from rules.engine import AVISO_LEGAL
from web import etiquetas as et
from web.campos import SUBCAMPOS, campo_id, etiqueta
from web.mapeo import nombre_del_campo


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
class Hito:
    """One date on the timeline: a deadline, today, or the day the contract would end."""

    fecha: date
    titulo: str
    detalle: str
    situacion: str  # vencido | hoy | pendiente | desde | fin
    estado: str | None = None
    dias: int = 0


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


def respuesta(caso: Caso, d: Decision) -> Respuesta:
    """The answer, with each complaint's next step and what each letter asks for or leaves out."""
    return replace(_respuesta(caso, d), pasos=pasos(d), peticiones=peticiones_por_carta(d))


ESTADOS_TRAMITE = {
    "en_termino": "En término para responder", "respondida_favorable": "Respondida a favor",
    "respondida_parcial": "Respondida en parte", "respondida_desfavorable": "Respondida en contra",
    "respondida_incompleta": "Respondida de forma incompleta",
    "recurso_en_termino": "Puede presentar el recurso", "recurso_extemporaneo": "Recurso fuera de término",
    "en_firme": "Decisión en firme", "apelada": "En apelación",
    "silencio_positivo": "Opera el silencio positivo", "incumplido": "Silencio positivo sin cumplir",
    "cumplida": "Cumplida",
}


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


def _respuesta(caso: Caso, d: Decision) -> Respuesta:
    """Sí / puede terminar pero le puede costar hasta $X / falta un dato — never surer than the grounds."""
    perm, term = d.permanencia, d.terminacion
    fundamentos = [h for i in perm.fundamentos if (h := d.hallazgo(i)) is not None]
    detalles = _cuando(caso, d)
    cambiaria = _podria_cambiar(d)
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
        falta = next((f for f in faltantes(d) if f.ruta == "permanencia.valor_beneficio"), None)
        dato = et.FALTA_UN_DATO.get(falta.ruta, _sin_signos(falta.pregunta)) if falta else \
            "el valor de lo que recibió a cambio de la permanencia"
        return Respuesta("falta", f"Falta un dato: {dato}.", [
            "Puede terminar, pero el operador puede cobrarle la parte del beneficio que falte por "
            "pagar; con ese dato calculamos cuánto es lo máximo.", *detalles, *cambiaria])
    return Respuesta("costo", f"Puede terminar, pero la permanencia le puede costar hasta "
                     f"{_pesos(perm.valor_maximo)}.", [*detalles, *_explicacion(d, "P5"), *cambiaria])


def _podria_cambiar(d: Decision) -> list[str]:
    preguntas = [f.pregunta for f in faltantes(d) if f.ruta.startswith("permanencia.")
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


def _detalle_plazo(p: Plazo) -> str:
    consecuencia = et.CONSECUENCIAS.get(p.consecuencia, p.consecuencia.replace("_", " ").capitalize() + ".")
    if p.dias_habiles:
        cuenta = f"{tx.plural(p.dias_habiles, 'día hábil', 'días hábiles')} contados desde el " \
                 f"{tx.fecha(p.desde)}."
    elif p.horas:
        cuenta = f"{p.horas} horas desde el {tx.fecha(p.desde)} (dato por confirmar)." \
            if p.estado == "U" else f"{p.horas} horas desde el {tx.fecha(p.desde)}."
    else:
        cuenta = ""
    return f"{cuenta} {consecuencia}".strip()


def linea_de_tiempo(d: Decision) -> list[Hito]:
    """Every deadline with its concrete date, plus today and the day the contract would end."""
    hoy = d.fecha_evaluacion
    hitos = [Hito(hoy, "Hoy", "La fecha con la que se hizo el cálculo.", "hoy")]
    for p in d.plazos:
        fecha = p.vence or p.desde
        titulo = et.PLAZOS.get(p.id, p.id) + (f" (CUN {p.cun})" if p.cun else "")
        if p.vence is None:
            situacion = "desde"
        elif p.vencido or p.vence < hoy:
            situacion = "vencido"
        else:
            situacion = "hoy" if p.vence == hoy else "pendiente"
        hitos.append(Hito(fecha, titulo, _detalle_plazo(p), situacion, p.estado, (fecha - hoy).days))
    term = d.terminacion
    if term.fecha_efectiva:
        hitos.append(Hito(term.fecha_efectiva, "Su contrato terminaría",
                          "Si pide la terminación a tiempo. Desde ese día no pueden facturarle más "
                          "periodos.", "fin", None, (term.fecha_efectiva - hoy).days))
    return sorted(hitos, key=lambda h: (h.fecha, h.situacion != "hoy"))


def faltantes(d: Decision) -> list[Faltante]:
    """The facts the engine says would change the answer, as the form's questions."""
    lista: list[Faltante] = []
    for ruta in d.faltantes:
        nombre = nombre_del_campo(ruta)
        pregunta = SUBCAMPOS[ruta].titulo if ruta in SUBCAMPOS else (etiqueta(nombre) if nombre else ruta)
        por_que = [h.explicacion for h in d.hallazgos if ruta in h.faltantes]
        lista.append(Faltante(ruta, pregunta, campo_id(nombre) if nombre else "formulario", por_que))
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


def compensacion_filas(d: Decision) -> list[dict[str, str]]:
    """The compensation table's rows, in words."""
    filas = []
    for m in d.compensacion.por_mes:
        if m.umbral_horas is None:
            valor = "Sin compensación automática"
        elif not m.supera_umbral:
            valor = "No superó el límite"
        else:
            valor = _pesos(m.valor_estimado or 0) + (" (automática)" if m.automatica else "")
        filas.append({
            "servicio": et.SERVICIOS.get(m.servicio, m.servicio),
            "mes": tx.mes(m.mes),
            "horas": tx.duracion(m.horas) + (" (sigue en curso)" if m.en_curso else ""),
            "limite": tx.duracion(m.umbral_horas) if m.umbral_horas is not None else "—",
            "valor": valor,
        })
    return filas
