"""Who the letters to the operator go to (rulebook §8): the operator and the contract's services decide."""

from __future__ import annotations

from rules.contexto import Contexto
from rules.decision import Destinatario


def destinatario(ctx: Contexto) -> Destinatario:
    """The legal entity for this contract; a bundle that spans two entities is flagged to confirm."""
    caso = ctx.caso
    if caso.operador == "otro":
        return Destinatario(clave="otro", razon_social=caso.operador_nombre or "")
    marca = ctx.p.operadores[caso.operador]
    fijos, movil = bool(caso.servicios_fijos()), caso.tiene_movil()
    clave: str = caso.operador
    confirmar, motivo = False, None
    if marca.servicios_fijos is not None and fijos:
        clave = marca.servicios_fijos
        otra = ctx.p.operadores[clave]
        if movil:
            confirmar = True
            motivo = (f"Su contrato de {marca.marca} mezcla servicios fijos, que se contratan con "
                      f"{otra.razon_social}, y móviles, que se contratan con "
                      f"{marca.razon_social.rstrip('.')}. "  # "E.S.P." already ends the sentence
                      f"Las cartas van dirigidas a {otra.razon_social}; confirme en su factura con "
                      "cuál de las dos contrató y, si es la otra, corrija el operador.")
        else:
            motivo = (f"Los servicios fijos de {marca.marca} se contratan con {otra.razon_social}, "
                      f"no con {marca.razon_social}.")
    op = ctx.p.operadores[clave]
    return Destinatario(clave=clave, razon_social=op.razon_social, nit=op.nit, estado=op.estado,
                        confirmar=confirmar, motivo=motivo)
