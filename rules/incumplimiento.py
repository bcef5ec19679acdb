"""Rulebook §4: leaving without paying the permanence because of the operator (B1–B6)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rules import texto
from rules.calendario import meses_completos
from rules.compensacion import sin_cobertura
from rules.contexto import Contexto
from rules.decision import Fuerza
from rules.indisponibilidad import describir
from rules.regimen import no_cubierto
from rules.registro import REGIMEN, Veredicto, regla

CAPITULO = "Terminar sin pagar la permanencia por culpa del operador"
ORDEN_FUERZA: dict[Fuerza, int] = {"solida": 0, "requiere_prueba": 1, "argumentable": 2}
PIDE_TERMINAR = frozenset({"terminar_sin_penalidad"})
SERVICIOS = ("internet_fijo", "telefonia_fija", "television", "movil")


def mas_fuerte(fuerzas: Sequence[Fuerza | None]) -> Fuerza | None:
    """The strongest of several strengths (solida > requiere_prueba > argumentable)."""
    validas = [f for f in fuerzas if f is not None]
    if not validas:
        return None
    return min(validas, key=ORDEN_FUERZA.__getitem__)


@regla(
    "B1-indisponibilidad",
    "La falla superó el límite permitido: puede pedir compensación o terminar sin pagar la permanencia",
    CAPITULO,
    ("CRC-2016-RAZONES", REGIMEN),
    ("umbral_horas_internet_fijo", "umbral_horas_telefonia_fija", "umbral_horas_television",
     "internet_servicio_esencial"),
    favorece_si_cumple=True,
)
def b1_indisponibilidad(ctx: Contexto) -> Veredicto:
    """A month above the compensation threshold, documented by dates and hours, is the trigger (U)."""
    if not ctx.caso.fallas:
        return Veredicto("no_aplica", "No reportó fallas del servicio.", fecha=ctx.hoy)
    if (v := sin_cobertura(ctx, SERVICIOS)) is not None:
        return v
    superan = [f for f in ctx.meses if f.supera]
    if not superan:
        return _b1_no_cumple(ctx)
    hechos = "; ".join(describir(f) for f in superan)
    explicacion = (hechos[0].upper() + hechos[1:] + ". La CRC reconoce que, cuando la falta de "
                   "disponibilidad supera lo permitido, el usuario puede pedir compensación o "
                   "terminar el contrato incluso sin pagar la permanencia. Lo que exactamente activa "
                   "ese derecho no está precisado: guarde pruebas (fechas, horas, reportes, CUN).")
    quejas = [r for r in ctx.caso.reclamaciones if r.asunto in ("falla", "compensacion")]
    if not quejas:
        explicacion += " Conviene presentar primero una queja por la falla."
    extra = []
    usados = [superan[0].umbral]
    if any(f.servicio == "internet_fijo" for f in superan):
        esencial = ctx.usado("internet_servicio_esencial", ctx.hoy)
        if esencial is not None:
            explicacion += (" Además, el internet es un servicio público esencial que debe "
                            "prestarse de forma continua.")
            extra.append("L2108-1")
            usados.append(esencial)
    return Veredicto("cumple", explicacion, fuerza="requiere_prueba",
                     fecha=date.fromisoformat(superan[0].mes + "-01"), parametros=usados,
                     fuentes_extra=extra)


def _b1_no_cumple(ctx: Contexto) -> Veredicto:
    motivos = []
    if any(f.supera is False for f in ctx.meses):
        motivos.append("ninguna falla superó el límite de horas en un mes")
    if any(f.servicio == "movil" for f in ctx.meses):
        motivos.append("para el servicio móvil no hay un límite de horas que active este derecho")
    if not ctx.meses:
        motivos.append("las fallas reportadas aún no suman horas (siguen en curso desde hoy)")
    sin_umbral = [f for f in ctx.meses if f.supera is None and f.servicio != "movil"]
    if sin_umbral:
        desde = texto.fecha(ctx.p.primera_fecha("umbral_horas_internet_fijo"))
        texto_ = "; ".join([*motivos, f"para fallas anteriores al {desde} Salida no tiene el límite "
                            "de horas del régimen anterior y no puede concluir si se superó"])
        return Veredicto("falta_informacion", texto_[0].upper() + texto_[1:] + ".", fecha=ctx.hoy)
    texto_ = "; ".join(motivos)
    return Veredicto("no_cumple", "Por ahora " + texto_ + ".", fecha=ctx.hoy)


@regla(
    "B2-modificacion-unilateral",
    "Cambiaron el contrato, el plan o el precio sin su autorización: puede terminar sin pagar nada",
    CAPITULO,
    (REGIMEN, "MODELO-CONTRATO", "CRC-2016-RAZONES"),
    favorece_si_cumple=True,
)
def b2_modificacion(ctx: Contexto) -> Veredicto:
    """An unauthorised change of contract, plan or price, or unaccepted services billed."""
    cambios = ctx.caso.cambios_unilaterales
    if not cambios:
        return Veredicto("no_aplica", "No reportó cambios que usted no haya autorizado.",
                         fecha=ctx.hoy)
    primero = min(c.fecha for c in cambios)
    if not ctx.cubierto(primero):
        return no_cubierto(ctx, "El cambio unilateral", primero)
    perm = ctx.caso.permanencia
    hechos = "; ".join(f"el {texto.fecha(c.fecha)}: «{c.descripcion}»" for c in cambios)
    if perm is not None and all(c.fecha < perm.fecha_inicio for c in cambios):
        return Veredicto(
            "no_cumple",
            f"Los cambios que reporta ({hechos}) son anteriores a la permanencia, que empezó el "
            f"{texto.fecha(perm.fecha_inicio)}: no sirven para dejarla sin efecto, aunque puede "
            "reclamarlos.",
            fecha=primero,
        )
    # §9: the user's label is not proof. A change is unilateral when the contract did not provide
    # for it or it was not notified in advance; until those facts are known, the ground needs proof.
    probados = [c for c in cambios if c.previsto_en_contrato is False or c.notificado is False]
    permitidos = [c for c in cambios if c.previsto_en_contrato is True and c.notificado is True]
    if len(permitidos) == len(cambios):
        return Veredicto(
            "no_cumple",
            f"Los cambios que reporta ({hechos}) estaban previstos en el contrato y se los avisaron "
            "como este exige: no son una modificación unilateral.",
            fecha=primero,
        )
    faltan = [f"cambios_unilaterales[{i}].{campo}" for i, c in enumerate(cambios)
              if c not in probados and c not in permitidos
              for campo in ("previsto_en_contrato", "notificado") if getattr(c, campo) is None]
    explicacion = (f"Usted reporta {texto.plural(len(cambios), 'cambio', 'cambios')} sin su "
                   f"autorización ({hechos}).")
    if probados:
        return Veredicto(
            "cumple",
            explicacion + " Según indica, el contrato no lo preveía o no se lo avisaron antes: por "
            "eso puede terminar el contrato, aun durante la permanencia, sin pagar nada por ella. "
            "Conserve las facturas que muestran el cambio.",
            fuerza="solida", fecha=primero, faltantes=faltan,
        )
    return Veredicto(
        "cumple",
        explicacion + " Llamarlo así no basta: es una modificación unilateral si el contrato no la "
        "preveía o si no se la avisaron antes como el contrato exige. Revise el contrato y sus "
        "avisos; con esa prueba puede terminar sin pagar la permanencia.",
        fuerza="requiere_prueba", fecha=primero, faltantes=faltan,
    )


def p4_superado(ctx: Contexto) -> int | None:
    """P4: the term exceeds the legal maximum and that many months have run at the exit date."""
    v, perm, calc = ctx.resultados.get("P4"), ctx.caso.permanencia, ctx.permanencia
    if v is None or v.resultado != "no_cumple" or perm is None or calc is None:
        return None
    maximo = ctx.p.entero("permanencia_meses_maximo", perm.fecha_inicio)
    if maximo is None or meses_completos(perm.fecha_inicio, calc.fecha_salida) < maximo:
        return None
    return maximo


@regla(
    "B3-clausula-invalida-o-vencida",
    "La cláusula es inválida o ya venció: no se debe nada por ella",
    CAPITULO,
    ("L1480-41", "RES-4444-2014"),
    favorece_si_cumple=True,
)
def b3_invalida(ctx: Contexto) -> Veredicto:
    """Invalid clause (P1, P8) or expired term (P5, P6): nothing is owed."""
    if ctx.caso.permanencia is None:
        return Veredicto("no_aplica", "El contrato no tiene cláusula de permanencia.", fecha=ctx.hoy)
    motivos = {"P1": "está prohibida en contratos móviles", "P6": "ya terminó o terminará antes",
               "P8": "le falta un requisito (beneficio, documento aparte o alternativa)"}
    base: list[str] = []
    fuerzas: list[Fuerza | None] = []
    razones: list[str] = []
    for clave, razon in motivos.items():
        v = ctx.resultados.get(clave)
        if v is not None and v.resultado == "cumple":
            base.append(clave)
            fuerzas.append(v.fuerza)
            razones.append(razon)
    if (maximo := p4_superado(ctx)) is not None:
        base.append("P4")
        fuerzas.append("argumentable")
        razones.append(f"supera el plazo máximo de {maximo} meses y ya se cumplieron {maximo} "
                       "(argumento discutible)")
    if not base:
        return Veredicto("no_cumple", "No se encontró que la cláusula sea inválida ni que haya "
                         "vencido.", fecha=ctx.caso.permanencia.fecha_inicio)
    return Veredicto(
        "cumple", f"La cláusula {texto.lista(razones)} (reglas {texto.lista(base)}).",
        fuerza=mas_fuerte(fuerzas), fecha=ctx.caso.permanencia.fecha_inicio, base=base,
    )


@regla(
    "B4-servicio-no-iniciado",
    "El servicio nunca empezó: no se debe la permanencia",
    CAPITULO,
    ("MODELO-CONTRATO",),
    favorece_si_cumple=True,
)
def b4_no_iniciado(ctx: Contexto) -> Veredicto:
    """Service never started (T5)."""
    t5 = ctx.resultados.get("T5")
    if t5 is not None and t5.resultado == "cumple":
        return Veredicto("cumple", "El servicio nunca empezó a prestarse: no hay permanencia que "
                         "cobrar.", fuerza="solida", fecha=ctx.caso.contrato.fecha_inicio, base=["T5"])
    return Veredicto("no_aplica", "El servicio sí empezó, o no se indicó lo contrario.",
                     fecha=ctx.caso.contrato.fecha_inicio)


@regla(
    "B5-silencio-positivo-terminacion",
    "Pidió terminar sin penalidad y el operador no respondió a tiempo: se entiende concedido",
    CAPITULO,
    ("L1341", REGIMEN),
    favorece_si_cumple=True,
)
def b5_silencio(ctx: Contexto) -> Veredicto:
    """SAP on a PQR that asked for termination without penalty."""
    con_sap = [e for e in ctx.pqrs if e.sap]
    if not con_sap:
        return Veredicto("no_aplica", "No hay silencio positivo en sus reclamaciones.", fecha=ctx.hoy)
    pidio = [e for e in con_sap if PIDE_TERMINAR & set(e.reclamacion.pretensiones)]
    if not pidio:
        return Veredicto(
            "no_cumple",
            "El silencio positivo concede lo que usted pidió, y en esas reclamaciones no pidió "
            "terminar sin pagar la permanencia.",
            fecha=con_sap[0].vence,
        )
    e = pidio[0]
    fuerza: Fuerza = "solida" if e.sap_causa != "respuesta_incompleta" else "argumentable"
    return Veredicto(
        "cumple",
        f"En {e.nombre} pidió terminar sin penalidad y opera el silencio positivo desde el "
        f"{texto.fecha(e.sap_desde)}: la terminación sin pagar la permanencia se entiende "  # type: ignore[arg-type]
        "concedida.",
        fuerza=fuerza, fecha=e.vence, base=["Q2"],
    )


@regla(
    "B6-incumplimiento-grave",
    "El incumplimiento grave del operador permite resolver el contrato (argumento civil adicional)",
    CAPITULO,
    ("CC-1546",),
    favorece_si_cumple=True,
)
def b6_civil(ctx: Contexto) -> Veredicto:
    """General civil law supports the above; only an additional argument in letters."""
    base = [k for k in ("B1", "B2", "B4")
            if (v := ctx.resultados.get(k)) is not None and v.resultado == "cumple"]
    if not base:
        return Veredicto("no_aplica", "No hay un incumplimiento del operador en que apoyarlo.",
                         fecha=ctx.hoy)
    return Veredicto(
        "cumple",
        "Como argumento adicional, el Código Civil y el de Comercio permiten pedir la terminación de "
        "un contrato cuando la otra parte incumple gravemente.",
        fuerza="argumentable", fecha=ctx.hoy, base=base,
    )
