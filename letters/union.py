"""Tagged PDFs (PDF/UA-1, as `letters.pdf` writes them) joined into one PDF that stays tagged.

`pdfunite` and pypdf's `PdfWriter.append` copy pages but drop the structure tree, so a printing PDF
made with them is untagged. Here every piece's pages, structure elements, parent-tree entries and
bookmarks are copied with their object numbers shifted: each piece's `/Document` element becomes a
titled `/Part` of one `/Document`, its `/StructParents` keys are moved past the previous pieces'
(marked-content ids are per page, so the content streams are copied byte for byte), and the result
gets `/MarkInfo`, `/Lang`, a title shown by viewers and XMP metadata claiming PDF/UA-1.

pypdf only reads; objects are written here, non-stream ones packed into compressed object streams
(a letter is mostly structure elements: without them the result would be about three times larger).
With `recto`, a blank page follows every piece with an odd number of pages, so each piece starts
on the front of a sheet in duplex printing.
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any
from xml.sax.saxutils import escape

if TYPE_CHECKING:
    from pypdf import PdfReader

OBJETOS_POR_FLUJO = 200  # non-stream objects packed into each compressed object stream
_FILA = struct.Struct(">BIH")  # a cross-reference stream row: /W [1 4 2]


@dataclass(frozen=True)
class Pieza:
    """One tagged PDF to join, and the title its part gets in the structure tree and bookmarks."""

    pdf: bytes
    titulo: str


class _Escritor:
    """Writes objects as they come: streams at once, the rest packed into object streams."""

    def __init__(self, destino: IO[bytes]) -> None:
        self.destino = destino
        self.escritos = 0
        self.siguiente = 1
        # The cross-reference rows, 7 bytes per object number (type, field 2, field 3), kept packed:
        # a batch's printing PDF has millions of objects. Zeros (type 0, free) for unused numbers.
        self.filas = bytearray(b"\x00\x00\x00\x00\x00\xff\xff")
        self.sueltos: list[tuple[int, bytes]] = []
        self._escribir(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    def _fila(self, numero: int, tipo: int, campo2: int, campo3: int) -> None:
        falta = (numero + 1) * 7 - len(self.filas)
        if falta > 0:
            self.filas.extend(bytes(falta))
        self.filas[numero * 7:numero * 7 + 7] = _FILA.pack(tipo, campo2, campo3)

    def _escribir(self, datos: bytes) -> None:
        self.destino.write(datos)
        self.escritos += len(datos)

    def reservar(self) -> int:
        """A fresh object number."""
        numero = self.siguiente
        self.siguiente += 1
        return numero

    def objeto(self, numero: int, cuerpo: bytes) -> None:
        """A non-stream object (packed later into an object stream)."""
        self.sueltos.append((numero, cuerpo))
        if len(self.sueltos) >= OBJETOS_POR_FLUJO:
            self.vaciar()

    def flujo(self, numero: int, diccionario: bytes, datos: bytes) -> None:
        """A stream object; `diccionario` is its dictionary's inside, without /Length."""
        self._fila(numero, 1, self.escritos, 0)
        self._escribir(b"%d 0 obj\n<<%s/Length %d>>\nstream\n" % (numero, diccionario, len(datos)))
        self._escribir(datos)
        self._escribir(b"\nendstream\nendobj\n")

    def vaciar(self) -> None:
        """Write the pending non-stream objects as one compressed object stream."""
        if not self.sueltos:
            return
        numero = self.reservar()
        cabecera, cuerpo, desde = [], io.BytesIO(), 0
        for indice, (n, datos) in enumerate(self.sueltos):
            cabecera.append(b"%d %d" % (n, desde))
            cuerpo.write(datos)
            cuerpo.write(b"\n")
            desde = cuerpo.tell()
            self._fila(n, 2, numero, indice)
        primero = b" ".join(cabecera) + b"\n"
        datos = zlib.compress(primero + cuerpo.getvalue(), 6)
        self.flujo(numero, b"/Type/ObjStm/N %d/First %d/Filter/FlateDecode" % (len(self.sueltos),
                                                                                len(primero)), datos)
        self.sueltos = []

    def cerrar(self, raiz: int, info: int, huella: bytes) -> None:
        """Write the cross-reference stream and the trailer."""
        self.vaciar()
        numero = self.reservar()
        self._fila(numero, 1, self.escritos, 0)
        datos = zlib.compress(self.filas, 6)
        identidad = huella.hex().encode()
        inicio = self.escritos
        self._escribir(b"%d 0 obj\n<</Type/XRef/Size %d/W[1 4 2]/Root %d 0 R/Info %d 0 R"
                       b"/ID[<%s><%s>]/Filter/FlateDecode/Length %d>>\nstream\n"
                       % (numero, numero + 1, raiz, info, identidad, identidad, len(datos)))
        self._escribir(datos)
        self._escribir(b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % inicio)


# One pass over an object's text: strings (pydyf escapes every parenthesis, so they never nest)
# and hex strings are kept as they are; references and /StructParent(s) keys are renumbered.
_FICHA = re.compile(rb"\((?:[^\\()]|\\.)*\)|<[0-9A-Fa-f\s]*>|(?<![\d.])(\d+) 0 R|/StructParents? (\d+)",
                    re.DOTALL)
_FLUJO = re.compile(rb"\d+ 0 obj\s*(<<.*?>>)\s*stream\r?\n", re.DOTALL)
_SUELTO = re.compile(rb"\d+ 0 obj\s*(.*?)\s*endobj", re.DOTALL)
_LARGO = re.compile(rb"/Length (\d+)\b(?! 0 R)")


@dataclass
class _Fuente:
    """One piece being copied: its objects' text, and its object numbers → ours."""

    cuerpos: dict[int, bytes]  # number → object text (a stream's: its dictionary)
    datos: dict[int, bytes]  # number → a stream's encoded data
    base: int  # our number of its object n is base + n ...
    especiales: dict[int, int]  # ... except these (its page tree, structure root, bookmarks root)
    desplazamiento: int  # added to its /StructParent(s) keys
    lector: PdfReader  # for pypdf's parser only: references are never resolved through it

    def renumerar(self, texto: bytes) -> bytes:
        """`texto` with this piece's references and parent-tree keys moved to ours."""
        def cambio(m: re.Match[bytes]) -> bytes:
            if m.group(1) is not None:
                n = int(m.group(1))
                return b"%d 0 R" % self.especiales.get(n, self.base + n)
            if m.group(2) is not None:
                return m.group(0)[:-len(m.group(2))] + b"%d" % (int(m.group(2)) + self.desplazamiento)
            return m.group(0)
        return _FICHA.sub(cambio, texto)

    def leer(self, numero: int) -> Any:
        """One (non-stream) object parsed by pypdf, its references left unresolved."""
        from pypdf.generic import read_object

        return read_object(io.BytesIO(self.cuerpos[numero]), self.lector)


def _fuente(pdf: bytes) -> tuple[_Fuente, PdfReader]:
    """The text of every object of a PDF written by pydyf (WeasyPrint), located through its xref."""
    from pypdf import PdfReader  # here, not at import: only the printing PDF needs it

    lector = PdfReader(io.BytesIO(pdf))
    cuerpos: dict[int, bytes] = {}
    datos: dict[int, bytes] = {}
    contenedores = {stm for stm, _ in lector.xref_objStm.values()}
    for numero, posicion in lector.xref.get(0, {}).items():
        flujo = _FLUJO.match(pdf, posicion)
        if flujo is not None:
            largo = _LARGO.search(flujo.group(1))
            if largo is None:
                raise ValueError("flujo sin /Length directo")
            cuerpos[numero] = flujo.group(1)
            datos[numero] = pdf[flujo.end():flujo.end() + int(largo.group(1))]
        elif (suelto := _SUELTO.match(pdf, posicion)) is not None:
            cuerpos[numero] = suelto.group(1)
    for stm in contenedores:
        diccionario = cuerpos.pop(stm)
        crudo = datos.pop(stm)
        if b"/FlateDecode" not in diccionario or b"/DecodeParms" in diccionario:
            raise ValueError("flujo de objetos con un filtro inesperado")
        texto = zlib.decompress(crudo)
        primero = int(re.search(rb"/First (\d+)", diccionario).group(1))  # type: ignore[union-attr]
        cabecera = [int(v) for v in texto[:primero].split()]
        numeros, desde = cabecera[0::2], cabecera[1::2]
        for i, n in enumerate(numeros):
            hasta = desde[i + 1] if i + 1 < len(desde) else len(texto) - primero
            cuerpos[n] = texto[primero + desde[i]:primero + hasta].strip()
    for numero in [n for n, c in cuerpos.items() if c.startswith(b"<<") and b"/Type /XRef" in c[:40]]:
        del cuerpos[numero]
        datos.pop(numero, None)
    return _Fuente(cuerpos, datos, 0, {}, 0, lector), lector


def _ref(valor: Any) -> int | None:
    from pypdf.generic import IndirectObject

    return valor.idnum if isinstance(valor, IndirectObject) else None


def _hojas(fuente: _Fuente, nodo: int, nodos: set[int]) -> list[int]:
    """The page objects under a page-tree node, in order (the nodes visited are added to `nodos`)."""
    nodos.add(nodo)
    paginas = []
    for hijo in fuente.leer(nodo).get("/Kids") or []:
        if b"/Type /Pages" in fuente.cuerpos[hijo.idnum][:200]:
            paginas += _hojas(fuente, hijo.idnum, nodos)
        else:
            paginas.append(hijo.idnum)
    return paginas


_PAR = re.compile(rb"(\d+)\s*(\[[^\[\]()<>]*\]|\d+ 0 R)")


def _numeros(fuente: _Fuente, nodo: int, nodos: set[int]) -> list[tuple[int, bytes]]:
    """The (key, value text) pairs of a number tree, in order (its nodes are added to `nodos`).

    A parent tree's values are references or arrays of references, so its flat /Nums is read
    with a pattern (thousands of references per letter: pypdf's parser is ten times slower).
    """
    nodos.add(nodo)
    cuerpo = fuente.cuerpos[nodo]
    inicio = cuerpo.find(b"/Nums")
    if b"/Kids" not in cuerpo and inicio >= 0:
        interior = cuerpo[cuerpo.index(b"[", inicio) + 1:cuerpo.rindex(b"]")]
        return [(int(m.group(1)), m.group(2)) for m in _PAR.finditer(interior)]
    arbol = fuente.leer(nodo)
    crudos = list(arbol.get("/Nums") or [])
    pares = [(int(k), _pdf(v)) for k, v in zip(crudos[0::2], crudos[1::2], strict=True)]
    for hijo in arbol.get("/Kids") or []:
        pares += _numeros(fuente, hijo.idnum, nodos)
    return pares


def _texto(valor: str) -> bytes:
    from pypdf.generic import create_string_object

    salida = io.BytesIO()
    create_string_object(valor).write_to_stream(salida)
    return salida.getvalue()


def _pdf(valor: Any) -> bytes:
    salida = io.BytesIO()
    valor.write_to_stream(salida)
    return salida.getvalue()


def _xmp(titulo: str) -> bytes:
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" pdfuaid:part="1"/>'
        '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" pdf:Producer="Salida"/>'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt>'
        f'<rdf:li xml:lang="x-default">{escape(titulo)}</rdf:li></rdf:Alt></dc:title></rdf:Description>'
        '</rdf:RDF></x:xmpmeta>\n<?xpacket end="r"?>'
    ).encode()


@dataclass
class _Union:
    """The joined document's own objects, filled in as pieces are copied."""

    escritor: _Escritor
    paginas: int
    raiz_estructura: int
    documento: int
    marcadores: int
    kids: list[int] = field(default_factory=list)
    partes: list[int] = field(default_factory=list)
    nums: list[bytes] = field(default_factory=list)
    items: list[tuple[int, bytes]] = field(default_factory=list)  # bookmark: number, its entries
    roles: dict[bytes, bytes] = field(default_factory=dict)
    clave_padre: int = 0


def _agregar(union: _Union, pieza: Pieza, recto: bool) -> int:
    """Copy one piece; return its page count."""
    from pypdf.generic import DictionaryObject, IndirectObject, NameObject, create_string_object

    escritor = union.escritor
    fuente, lector = _fuente(pieza.pdf)
    raiz = _ref(lector.trailer.raw_get("/Root"))
    if raiz is None or raiz not in fuente.cuerpos:
        raise ValueError(f"«{pieza.titulo}»: PDF sin catálogo")
    catalogo = fuente.leer(raiz)
    paginas_origen, estructura_origen = _ref(catalogo.get("/Pages")), _ref(catalogo.get("/StructTreeRoot"))
    if paginas_origen is None or estructura_origen is None:
        raise ValueError(f"«{pieza.titulo}» no es un PDF etiquetado")
    fuera = {raiz, estructura_origen, *(n for n in (_ref(catalogo.get("/Metadata")),
                                                    _ref(lector.trailer.raw_get("/Info"))) if n)}
    item = escritor.reservar()
    fuente.especiales = {estructura_origen: union.documento}
    nodos: set[int] = set()
    paginas = _hojas(fuente, paginas_origen, nodos)
    fuera |= nodos
    fuente.especiales.update(dict.fromkeys(nodos, union.paginas))
    marcadores = _ref(catalogo.get("/Outlines"))
    if marcadores is not None:
        fuera.add(marcadores)
        fuente.especiales[marcadores] = item
    estructura = fuente.leer(estructura_origen)
    arbol = _ref(estructura.get("/ParentTree"))
    nodos = set()
    pares = _numeros(fuente, arbol, nodos) if arbol is not None else []
    fuera |= nodos
    siguiente = max([int(estructura.get("/ParentTreeNextKey", 0)), *(k + 1 for k, _ in pares)])
    fuente.desplazamiento = union.clave_padre
    union.clave_padre += siguiente
    fuente.base = escritor.siguiente - 1
    escritor.siguiente += max(fuente.cuerpos)
    for clave, valor in pares:
        union.nums.append(b"%d %s" % (clave + fuente.desplazamiento, fuente.renumerar(valor)))
    roles = estructura.get("/RoleMap")
    for rol, estandar in (roles.items() if isinstance(roles, DictionaryObject) else []):
        union.roles.setdefault(_pdf(rol), _pdf(estandar))
    hijos = estructura.get("/K")
    for hijo in hijos if isinstance(hijos, list) else [hijos]:
        if isinstance(hijo, IndirectObject):
            elemento = fuente.leer(hijo.idnum)
            if elemento.get("/S") == "/Document":  # each piece's own /Document: a titled /Part
                elemento[NameObject("/S")] = NameObject("/Part")
                elemento[NameObject("/T")] = create_string_object(pieza.titulo)
                fuente.cuerpos[hijo.idnum] = _pdf(elemento)
            union.partes.append(fuente.base + hijo.idnum)
    primera = fuente.base + paginas[0]
    union.kids += [fuente.base + p for p in paginas]
    entradas = [b"/Title " + _texto(pieza.titulo), b"/Parent %d 0 R" % union.marcadores,
                b"/Dest[%d 0 R/Fit]" % primera]
    if marcadores is not None:
        origen = fuente.leer(marcadores)
        if "/First" in origen and "/Last" in origen:
            entradas.append(fuente.renumerar(b"/First %s/Last %s" % (
                _pdf(dict.__getitem__(origen, "/First")), _pdf(dict.__getitem__(origen, "/Last")))))
            entradas.append(b"/Count -%d" % abs(int(origen.get("/Count", 0))))  # closed
    union.items.append((item, b"".join(entradas)))
    for numero, cuerpo in fuente.cuerpos.items():
        if numero in fuera:
            continue
        texto = fuente.renumerar(cuerpo)
        if numero in fuente.datos:
            interior = _LARGO.sub(b"", texto)[2:-2]
            escritor.flujo(fuente.base + numero, interior, fuente.datos[numero])
        else:
            escritor.objeto(fuente.base + numero, texto)
    cuantas = len(paginas)
    if recto and cuantas % 2:
        ultima = fuente.leer(paginas[-1])
        caja = ultima.get("/MediaBox") or fuente.leer(paginas_origen).get("/MediaBox")
        blanca = escritor.reservar()
        escritor.objeto(blanca, b"<</Type/Page/Parent %d 0 R/MediaBox%s/Resources<<>>>>" % (
            union.paginas, _pdf(caja)))
        union.kids.append(blanca)
    return cuantas


def unir(piezas: Iterable[Pieza], titulo: str, destino: IO[bytes], idioma: str = "es-CO",
         recto: bool = True) -> list[int]:
    """Write the pieces as one tagged PDF to `destino`; return each piece's first page (1-based).

    With `recto`, every piece starts on an odd page (a blank page follows any piece whose page
    count is odd). Raises `ValueError` for a piece without a structure tree.
    """
    escritor = _Escritor(destino)
    union = _Union(escritor, paginas=escritor.reservar(), raiz_estructura=escritor.reservar(),
                   documento=escritor.reservar(), marcadores=escritor.reservar())
    comienzos = []
    for pieza in piezas:
        comienzos.append(len(union.kids) + 1)
        _agregar(union, pieza, recto)
    arbol, metadatos, info, catalogo = (escritor.reservar() for _ in range(4))
    kids = b" ".join(b"%d 0 R" % k for k in union.kids)
    escritor.objeto(union.paginas, b"<</Type/Pages/Kids[%s]/Count %d>>" % (kids, len(union.kids)))
    partes = b" ".join(b"%d 0 R" % p for p in union.partes)
    escritor.objeto(union.documento, b"<</Type/StructElem/S/Document/P %d 0 R/T %s/K[%s]>>" % (
        union.raiz_estructura, _texto(titulo), partes))
    roles = b"".join(r + b" " + e for r, e in union.roles.items())
    escritor.objeto(union.raiz_estructura,
                    b"<</Type/StructTreeRoot/K[%d 0 R]/ParentTree %d 0 R/ParentTreeNextKey %d%s>>" % (
                        union.documento, arbol, union.clave_padre,
                        b"/RoleMap<<" + roles + b">>" if roles else b""))
    escritor.objeto(arbol, b"<</Nums[%s]>>" % b" ".join(union.nums))
    for indice, (item, entradas) in enumerate(union.items):
        vecinos = b""
        if indice:
            vecinos += b"/Prev %d 0 R" % union.items[indice - 1][0]
        if indice + 1 < len(union.items):
            vecinos += b"/Next %d 0 R" % union.items[indice + 1][0]
        escritor.objeto(item, b"<<" + entradas + vecinos + b">>")
    if union.items:
        escritor.objeto(union.marcadores, b"<</Type/Outlines/First %d 0 R/Last %d 0 R/Count %d>>" % (
            union.items[0][0], union.items[-1][0], len(union.items)))
    else:
        escritor.objeto(union.marcadores, b"<</Type/Outlines/Count 0>>")
    escritor.flujo(metadatos, b"/Type/Metadata/Subtype/XML", _xmp(titulo))
    escritor.objeto(info, b"<</Title %s/Producer(Salida)>>" % _texto(titulo))
    escritor.objeto(catalogo, (
        b"<</Type/Catalog/Pages %d 0 R/StructTreeRoot %d 0 R/MarkInfo<</Marked true>>/Lang %s"
        b"/ViewerPreferences<</DisplayDocTitle true>>/Metadata %d 0 R/Outlines %d 0 R"
        b"/PageMode/UseOutlines>>" % (union.paginas, union.raiz_estructura, _texto(idioma), metadatos,
                                       union.marcadores)))
    huella = hashlib.md5(titulo.encode() + b"%d" % escritor.escritos, usedforsecurity=False).digest()
    escritor.cerrar(catalogo, info, huella)
    return comienzos
