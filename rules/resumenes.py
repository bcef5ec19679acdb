"""Plain-Spanish summaries of each rule for the catalogue a lawyer reviews (one per rulebook id).

Law dates, terms and thresholds are `{nombre}` placeholders filled from the parameter file
(`rules.prosa.valores`), never typed here."""

RESUMENES: dict[str, str] = {
    "RPU-cobertura": (
        "Salida aplica la {regimen_inicial} a hechos desde el {cobertura} y el régimen de la Res. CRC "
        "5111 de 2017 desde el {regimen_actual_desde}; a hechos anteriores responde «no cubierto» en vez "
        "de suponer."
    ),
    "P1-movil-prohibida": (
        "En contratos móviles firmados desde el {movil_prohibida_desde} no puede pactarse permanencia; "
        "las anteriores corren hasta su fin sin renovarse. Las cuotas del equipo son una deuda aparte."
    ),
    "P2-beneficio-y-alternativa": (
        "En servicios fijos, la permanencia solo vale a cambio de un beneficio real (equipo, conexión o "
        "descuento) y si se ofreció el mismo servicio sin permanencia."
    ),
    "P3-documento-separado": (
        "La permanencia debe constar en un documento aparte, aceptado expresamente, con el valor del "
        "beneficio y lo que se pagaría cada mes por retirarse."
    ),
    "P4-plazo-maximo": (
        "La permanencia no puede superar {plazo_maximo}. Un plazo mayor es un argumento discutible,"
        " no una invalidez probada: cumplido el mes {meses_maximo}, la petición principal es que nada se "
        "debe y la subsidiaria, la parte proporcional (algunas fuentes admiten más cuando se financia el "
        "equipo)."
    ),
    "P5-monto-proporcional": (
        "Por retirarse antes solo puede cobrarse la parte del beneficio no amortizada (beneficio × meses "
        "que faltan ÷ meses pactados), nunca más que la tabla del anexo, y nada si el plazo terminó."
    ),
    "P6-sin-renovacion": (
        "La permanencia se pacta una vez; al vencer, el contrato sigue sin ella, y una «renovación» sin "
        "un beneficio nuevo aceptado aparte no es exigible."
    ),
    "P7-suspension-voluntaria": (
        "La suspensión voluntaria del servicio (hasta {suspension_meses} por año) extiende la permanencia"
        " por el tiempo suspendido."
    ),
    "P8-clausula-impugnable": (
        "Una cláusula sin beneficio es un fundamento fuerte para no pagarla; sin documento aparte o sin "
        "alternativa sin permanencia, un argumento de forma."
    ),
    "T1-cualquier-momento": (
        "El usuario puede terminar el contrato en cualquier momento y por cualquier canal, sin dar "
        "razones; el operador no puede oponerse ni exigir requisitos innecesarios."
    ),
    "T2-aviso-previo": (
        "Pedida al menos {aviso_dias} días hábiles antes del corte ({aviso_dias_antes} antes de la "
        "{aviso_norma}), la terminación surte efecto en ese corte; si no, en el siguiente. La fecha "
        "límite es la de este periodo, con la del siguiente al lado. Una línea prepago no tiene corte: no"
        " se le aplica."
    ),
    "T3-sin-cobros-posteriores": (
        "Después de la terminación no pueden facturarse más periodos; sí consumos pendientes, equipos por"
        " devolver y una permanencia que se deba."
    ),
    "T4-terminacion-parcial": (
        "En un paquete, el usuario puede cancelar solo algunos servicios, con el mismo aviso."
    ),
    "T5-servicio-no-iniciado": (
        "Si el operador no empezó a prestar el servicio en el plazo de instalación pactado, el usuario "
        "puede terminar y pedir la devolución."
    ),
    "T6-retracto": (
        "En contratos a distancia hay {retracto_dias} días hábiles para retractarse, salvo que el "
        "servicio ya haya empezado con el consentimiento del usuario."
    ),
    "T7-portabilidad": (
        "Desde la Res. CRC 7151 de 2023 la mora no impide portar el número móvil; la deuda sigue."
    ),
    "B1-indisponibilidad": (
        "Cuando la falta de disponibilidad supera el límite, el usuario puede pedir compensación o "
        "terminar sin pagar la permanencia. Salida toma como disparador un mes por encima del umbral, "
        "documentado: requiere prueba."
    ),
    "B2-modificacion-unilateral": (
        "Si el operador cambia el contrato, el plan o el precio sin autorización, o cobra servicios no "
        "aceptados, el usuario puede terminar sin pagar la permanencia. El rótulo del usuario no es "
        "prueba: el motivo es sólido si el contrato no preveía el cambio o no se avisó; si no se sabe, "
        "requiere prueba."
    ),
    "B3-clausula-invalida-o-vencida": (
        "Si la cláusula está prohibida o es impugnable (P1, P8), su plazo terminó (P5, P6; un hecho de "
        "calendario, aunque se firmara antes de {anio_cobertura}) o supera los {meses_maximo} meses y ya "
        "pasaron (P4, discutible), no se debe nada por ella."
    ),
    "B4-servicio-no-iniciado": (
        "Si el servicio nunca empezó (T5), no hay permanencia que cobrar."
    ),
    "B5-silencio-positivo-terminacion": (
        "Si una PQR pidió terminar sin penalidad y el operador no respondió a tiempo, se entiende "
        "concedida (silencio administrativo positivo)."
    ),
    "B6-incumplimiento-grave": (
        "El incumplimiento grave del operador permite pedir la terminación según el derecho civil; solo "
        "como argumento adicional en las cartas."
    ),
    "C1-internet-telefonia-fija": (
        "Más de {umbral_fijo} horas sin internet fijo o telefonía fija en un mes calendario, continuas o "
        "no, dan derecho a compensación automática en la próxima factura (desde {umbral_fijo_desde})."
    ),
    "C2-television": (
        "En televisión por suscripción, según fuentes no confirmadas, se compensa por encima de "
        "{umbral_television} horas; la ventana (continua o de 24 horas) no está clara."
    ),
    "C3-movil": (
        "La {voz_movil_norma} derogó desde el {voz_movil_derogada_desde} la compensación automática por "
        "fallas de voz móvil; Salida no la promete y ofrece pedirla en una queja."
    ),
    "C4-formula": (
        "La fórmula de la compensación no está confirmada: Salida estima cargo mensual del servicio × "
        "horas sin servicio ÷ horas del mes, y lo muestra como estimación."
    ),
    "C5-conteo": (
        "Las horas se cuentan por servicio y mes calendario: se unen las fallas superpuestas, se dividen "
        "las que cruzan de mes y las que siguen se cuentan hasta la fecha de evaluación."
    ),
    "C6-reclamar-compensacion-y-gastos": (
        "Si la compensación no se aplicó, se reclama en una PQR; los gastos que causó la falla pueden "
        "pedirse como perjuicios (régimen general), sin derecho automático a ellos; no se fundan en la "
        "condición resolutoria tácita, que sirve para terminar."
    ),
    "Q1-derecho-pqr": (
        "El usuario puede presentar PQR en cualquier momento y por cualquier canal, sin pagar antes lo "
        "discutido; el operador debe darle un CUN."
    ),
    "Q2-silencio-positivo": (
        "El operador tiene {respuesta_dias} días hábiles para responder; sin respuesta, con respuesta "
        "tardía o incompleta (cualquiera que sea su rótulo), lo pedido se entiende concedido (silencio "
        "administrativo positivo). Un recurso fuera de término no lo genera. El cumplimiento se pide "
        "desde que opera y nunca para antes de la fecha de la carta."
    ),
    "Q3-recurso": (
        "Contra decisiones sobre negativa a contratar, suspensión, terminación, corte o facturación cabe "
        "reposición y en subsidio apelación ante la SIC, en {recurso_dias} días hábiles desde la "
        "notificación (antes del {recurso_verificado_desde}, por confirmar: se usa la fecha segura de "
        "{recurso_seguro_dias_antes} días). Presentado tarde, la decisión queda en firme: sin silencio "
        "positivo ni suspensión del pago."
    ),
    "Q4-queja-sic": (
        "La SIC decide la controversia por la apelación, que se presenta ante el operador dentro del "
        "término del recurso: mientras está abierto nunca se aconseja la SIC en su lugar. La queja ante "
        "la SIC sirve si el operador no cumple un silencio positivo o una decisión a favor, ignora el "
        "trámite, o para sanciones."
    ),
    "Q5-peticion-informacion": (
        "El usuario puede pedir información (causa y duración de una falla, copia del contrato y del "
        "anexo de permanencia) por el trámite de PQR."
    ),
    "Q6-factura-en-reclamo": (
        "Quien reclama una factura antes de su fecha de pago no tiene que pagar la parte discutida "
        "mientras se decide; un recurso fuera de término no suspende el pago."
    ),
}


# What changed in the rules and why (rulebook "Changes"), shown at the top of the catalogue.
CAMBIOS: list[tuple[str, list[str], str]] = [
    ("2026-12-02", ["Q2-silencio-positivo", "Q3-recurso", "Q4-queja-sic", "Q6-factura-en-reclamo",
                    "B5-silencio-positivo-terminacion"],
     "El procedimiento como modelo: cada PQR tiene un estado y un único paso siguiente. Recurso "
     "fuera de término: decisión en firme, sin silencio positivo ni Q6. Nunca la SIC mientras el "
     "recurso está abierto. Respuesta incompleta: silencio positivo cualquiera que sea su rótulo."),
    ("2026-12-02", ["P4-plazo-maximo", "B3-clausula-invalida-o-vencida", "P5-monto-proporcional",
                    "P6-sin-renovacion"],
     "Más de 12 meses: argumento discutible con petición principal y subsidiaria. Una cláusula "
     "vencida es un hecho de calendario, cubierto aunque sea anterior a 2011."),
    ("2026-12-02", ["B2-modificacion-unilateral"],
     "El rótulo del usuario no es prueba: se pregunta si el contrato preveía el cambio y si se avisó."),
    ("2026-12-02", ["T2-aviso-previo"],
     "fecha_limite_aviso es la de este periodo, con la del siguiente al lado; prepago sin corte; "
     "festivos por confirmar señalados."),
    ("2026-12-02", ["C6-reclamar-compensacion-y-gastos"],
     "El reembolso de gastos ya no cita la condición resolutoria tácita."),
]
