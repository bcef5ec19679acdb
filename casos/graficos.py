"""Charts drawn on the server as SVG (no script, no CDN): bars of shares, and outcomes by month.

Colours come from classes in `static/casos.css`; every chart has a title and a description for
screen readers, and the page repeats its numbers in a table.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from casos.puntaje import Cifras, porcentaje
from rules import texto as tx

ANCHO = 640
ETIQUETA = 150
AREA = 360
FILA = 38

RESULTADOS = (  # (attribute of Cifras, class suffix, Spanish label)
    ("favorables", "favorable", "A favor"),
    ("parciales", "parcial", "En parte"),
    ("desfavorables", "desfavorable", "En contra"),
    ("sin_respuesta", "sin-respuesta", "Sin respuesta"),
    ("en_curso", "en-curso", "En plazo"),
)


def _svg(ident: str, titulo: str, descripcion: str, alto: int, cuerpo: list[str]) -> Markup:
    cabeza = (
        f'<svg class="grafico" viewBox="0 0 {ANCHO} {alto}" role="img" '
        f'aria-labelledby="{ident}-t {ident}-d" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-t">{escape(titulo)}</title><desc id="{ident}-d">{escape(descripcion)}</desc>'
    )
    return Markup(cabeza + "".join(cuerpo) + "</svg>")


def barras(ident: str, titulo: str, filas: list[tuple[str, float | None, int]], clase: str = "") -> Markup:
    """Horizontal bars of shares (0–1): one per (label, share, sample size)."""
    alto = 30 + FILA * max(len(filas), 1)
    cuerpo = []
    for marca in (0, 25, 50, 75, 100):
        x = ETIQUETA + AREA * marca / 100
        cuerpo.append(
            f'<line class="grafico__guia" x1="{x:.1f}" y1="20" x2="{x:.1f}" y2="{alto - 4}"/>'
            f'<text class="grafico__eje" x="{x:.1f}" y="14" text-anchor="middle">{marca} %</text>'
        )
    partes = []
    for i, (etiqueta, valor, n) in enumerate(filas):
        y = 26 + i * FILA
        ancho = AREA * (valor or 0)
        texto = f"{porcentaje(valor)} (n = {n})"
        cuerpo.append(
            f'<text class="grafico__etiqueta" x="{ETIQUETA - 8}" y="{y + 17}" '
            f'text-anchor="end">{escape(etiqueta)}</text>'
            f'<rect class="grafico__barra {clase}" x="{ETIQUETA}" y="{y + 3}" width="{ancho:.1f}" '
            f'height="20" rx="3"/>'
            f'<text class="grafico__valor" x="{ETIQUETA + ancho + 6:.1f}" y="{y + 17}">{escape(texto)}</text>'
        )
        partes.append(f"{etiqueta}: {texto}")
    return _svg(ident, titulo, "; ".join(partes) or "Sin datos.", alto, cuerpo)


def meses(ident: str, titulo: str, por_mes: dict[str, Cifras], ultimos: int = 12) -> Markup:
    """Stacked columns of outcomes per month of filing (the last `ultimos` months, gaps included)."""
    elegidos = [(m, por_mes.get(m, Cifras())) for m in _meses_seguidos(list(por_mes))[-ultimos:]]
    maximo = max((c.radicadas for _, c in elegidos), default=0) or 1
    alto, base, techo = 250, 200, 40
    ancho_col = min(40, (ANCHO - 60) / max(len(elegidos), 1) - 10)
    cuerpo = []
    for i, (_, clase, nombre) in enumerate(RESULTADOS):  # legend
        x_leyenda = 10 + i * 122
        cuerpo.append(
            f'<rect class="grafico__serie grafico__serie--{clase}" x="{x_leyenda}" y="6" width="14" '
            f'height="14" rx="2"/><text class="grafico__eje" x="{x_leyenda + 19}" y="18">{nombre}</text>'
        )
    partes = []
    for j, (mes, c) in enumerate(elegidos):
        x = 40 + j * (ancho_col + 10)
        y = float(base)
        for atributo, clase, _ in RESULTADOS:
            valor = getattr(c, atributo)
            if not valor:
                continue
            h = (base - techo) * valor / maximo
            y -= h
            cuerpo.append(
                f'<rect class="grafico__serie grafico__serie--{clase}" x="{x:.1f}" y="{y:.1f}" '
                f'width="{ancho_col:.1f}" height="{h:.1f}"/>'
            )
        anio, numero = mes.split("-")
        cuerpo.append(
            f'<text class="grafico__eje" x="{x + ancho_col / 2:.1f}" y="{base + 16}" '
            f'text-anchor="middle">{tx.MESES[int(numero) - 1][:3]}</text>'
            f'<text class="grafico__eje" x="{x + ancho_col / 2:.1f}" y="{base + 30}" '
            f'text-anchor="middle">{anio[2:]}</text>'
            f'<text class="grafico__valor" x="{x + ancho_col / 2:.1f}" y="{y - 4:.1f}" '
            f'text-anchor="middle">{c.radicadas}</text>'
        )
        detalle = ", ".join(f"{getattr(c, a)} {n.lower()}" for a, _, n in RESULTADOS if getattr(c, a))
        partes.append(f"{tx.mes(mes)}: {c.radicadas} ({detalle})")
    cuerpo.append(f'<line class="grafico__guia" x1="30" y1="{base}" x2="{ANCHO - 10}" y2="{base}"/>')
    return _svg(ident, titulo, "; ".join(partes) or "Sin datos.", alto, cuerpo)


def _meses_seguidos(claves: list[str]) -> list[str]:
    """Every month from the first to the last key ('2026-06' … '2026-11'), without gaps."""
    if not claves:
        return []
    anio, mes = (int(x) for x in min(claves).split("-"))
    fin = max(claves)
    salida = []
    while f"{anio:04d}-{mes:02d}" <= fin:
        salida.append(f"{anio:04d}-{mes:02d}")
        anio, mes = (anio + 1, 1) if mes == 12 else (anio, mes + 1)
    return salida
