"""The words of the authorisations (Ley 1581 de 2012) and their policy version, in one place."""

from __future__ import annotations

VERSION_POLITICA = "casos-2026-11"

TEXTO_GUARDAR = (
    "Autorizo de forma previa, expresa e informada a quien opera esta instalación de Salida a guardar "
    "los datos de mi caso (mis datos de contacto y documento, los de mi contrato, mis fallas, "
    "reclamaciones y su historial) con la única finalidad de hacerle seguimiento: calcular mis plazos y "
    "redactar mis cartas. Sé que puedo consultar, descargar y borrar mis datos en cualquier momento "
    "desde mi enlace privado (Ley 1581 de 2012)."
)
TEXTO_AVISOS = (
    "Autorizo que me envíen al correo que indico avisos de los plazos de mi caso. Los avisos no llevan "
    "mi nombre, mi documento ni el enlace privado."
)
TEXTO_ORGANIZACION = (
    "Declaro que la persona titular de estos datos autorizó de forma previa, expresa e informada a "
    "nuestra organización a guardarlos para hacer seguimiento a su caso y redactar sus cartas "
    "(Ley 1581 de 2012), y que conservamos la prueba de esa autorización."
)
TEXTO_LOTE = (
    "Declaro que cada titular de las filas de este lote autorizó de forma previa, expresa e informada a "
    "nuestra organización a guardar sus datos para hacer seguimiento a su caso (Ley 1581 de 2012), y que "
    "conservamos la prueba de esas autorizaciones."
)
