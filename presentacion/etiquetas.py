"""Spanish words the pages, calendars, reminders and reports show for the case's and the decision's codes."""

from __future__ import annotations

from entrada.opciones import (  # noqa: F401  (re-exported: pages and casos/ read them from here)
    ASUNTOS,
    BENEFICIOS,
    CANALES,
    DOCUMENTOS,
    MODALIDADES,
    OPERADORES,
    PRETENSIONES,
    SENTIDOS,
    SERVICIOS,
    SERVICIOS_FORMULARIO,
    TIPOS_PQR,
)
from letters.etiquetas import TITULOS

RESULTADOS: dict[str, str] = {
    "cumple": "Se cumple",
    "no_cumple": "No se cumple",
    "falta_informacion": "Falta información",
    "no_aplica": "No aplica a su caso",
    "no_cubierto": "Fuera de cobertura",
}

# What a finding means for the subscriber (`favorece_al_usuario`), shown beside its result: "se cumple"
# is good news for some rules and bad news for others.
EFECTO: dict[bool, tuple[str, str]] = {
    True: ("a-favor", "A su favor"),
    False: ("en-contra", "En su contra"),
}

RESULTADOS_PLURAL: dict[str, tuple[str, str]] = {
    "cumple": ("se cumple", "se cumplen"),
    "no_cumple": ("no se cumple", "no se cumplen"),
    "falta_informacion": ("con información pendiente", "con información pendiente"),
    "no_aplica": ("no aplica a su caso", "no aplican a su caso"),
    "no_cubierto": ("fuera de cobertura", "fuera de cobertura"),
}

FUERZAS: dict[str, tuple[str, str]] = {
    "solida": ("Sólido", "Fundamento claro en la norma y en los hechos que usted dio."),
    "requiere_prueba": ("Requiere prueba", "Se sostiene si usted puede demostrar los hechos "
                        "(fechas, horas, reportes, CUN)."),
    "argumentable": ("Argumentable", "Es un argumento razonable, pero discutible: no es seguro "
                     "que prospere."),
}

ESTADOS: dict[str, tuple[str, str]] = {
    "V": ("verificado", "Verificado en la norma o en una página oficial"),
    "S": ("fuentes secundarias", "Según fuentes secundarias coincidentes"),
    "U": ("sin verificar", "Sin verificar: es una estimación, por confirmar"),
}

CAPITULOS: dict[str, str] = {
    "R": "Cobertura",
    "P": "La cláusula de permanencia",
    "T": "Terminar el contrato",
    "B": "Salir sin pagar la permanencia",
    "C": "Compensación por falta de servicio",
    "Q": "Reclamaciones (PQR)",
}

# Each letter's name comes from the letters' own titles (the PDF's title), so page and PDF agree.
DESCRIPCIONES_CARTAS: dict[str, str] = {
    "queja": "Reclama por las fallas: pide la compensación, lo que usted marcó que quiere y la "
             "información de la falla. Preséntela por cualquier canal del operador y pida el CUN.",
    "terminacion": "Pide terminar el contrato en la fecha que corresponde, sin cobros posteriores "
                   "y explica lo que pueden cobrarle por la permanencia. Preséntela al operador.",
    "silencio_positivo": "El operador no respondió a tiempo: pide que cumpla lo que usted "
                         "solicitó. Preséntela al operador citando el CUN.",
    "recurso": "Pide al operador revisar su respuesta y, si la mantiene, enviar el caso a la "
               "Superintendencia de Industria y Comercio.",
    "queja_sic": "Para llevar el caso a la SIC cuando el operador no respondió, no cumplió o le "
                 "respondió en contra. Se presenta por los canales de la SIC.",
}
CARTAS: dict[str, tuple[str, str]] = {t: (TITULOS[t], DESCRIPCIONES_CARTAS[t]) for t in TITULOS}

PLAZOS: dict[str, str] = {
    "respuesta_pqr": "Plazo del operador para responder su reclamación",
    "cumplimiento_sap": "Plazo para que el operador cumpla lo que usted pidió (silencio positivo)",
    "recurso": "Último día para presentar el recurso",
    "queja_sic": "Desde este día puede quejarse ante la SIC",
    "aviso_terminacion": "Último día para pedir la terminación a tiempo para el próximo corte",
    "retracto": "Último día para retractarse del contrato",
    "terminacion_efectiva": "Día en que termina su contrato",
}

CONSECUENCIAS: dict[str, str] = {
    "sin_cobros_despues_de_terminar": "Desde ese día el operador no puede cobrarle periodos posteriores. "
                                      "Revise la factura siguiente: si los cobra, presente una queja; si "
                                      "no, registre que el contrato terminó.",
    "silencio_administrativo_positivo": "Si no respondió a tiempo, lo que usted pidió se entiende "
                                        "concedido (silencio administrativo positivo).",
    "queja_ante_la_sic": "Si no cumple, puede quejarse ante la Superintendencia de Industria y "
                         "Comercio.",
    "puede_acudir_a_la_sic": "Ya puede presentar su queja ante la Superintendencia de Industria y "
                             "Comercio.",
    "terminacion_al_corte": "Si la pide a más tardar ese día, el contrato termina en el próximo "
                            "corte.",
    "la_decision_queda_en_firme": "Después de ese día la respuesta del operador queda en firme.",
    "retracto": "Hasta ese día puede deshacer el contrato (retracto), salvo que el servicio ya "
                "haya empezado con su consentimiento.",
}

FALTA_UN_DATO: dict[str, str] = {
    "permanencia.valor_beneficio": "cuánto valía el beneficio que recibió a cambio de la permanencia",
    "permanencia.beneficio": "qué beneficio recibió a cambio de la permanencia",
}

ANTE: dict[str, str] = {"operador": "ante el operador",
                        "SIC": "ante la Superintendencia de Industria y Comercio (SIC)"}
