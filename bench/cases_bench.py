"""Benchmark: 100,000 saved cases with events in PostgreSQL; the dashboard's queries and the daily run.

Loads the cases (each evaluated by the engine for its derived columns) into a private schema with COPY,
then prints the dashboard page's query time (p50/p95 over varied filters; target p95 < 200 ms) and the
rate at which the daily reminder run re-evaluates every open case (target >= 1,000 cases/s). The schema
is dropped at the end unless --conservar.

Run: .venv/bin/python bench/cases_bench.py [--casos N] [--url postgresql+psycopg://…] [--conservar]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, text

from casos import consultas
from casos.evaluacion import derivados, evaluar_guardado, pqrs, titular
from casos.eventos import aplicar, leer_evento
from casos.revision import revisar
from casos.situacion import ESTADOS, Hecho
from store.db import base_de_datos, cerrar_base_de_datos
from tests.conftest import cargar_semilla

HOY = date(2026, 11, 28)
CIUDADES = [
    "Bogotá D.C.",
    "Medellín",
    "Cali",
    "Barranquilla",
    "Cartagena",
    "Bucaramanga",
    "Pereira",
    "Manizales",
    "Cúcuta",
    "Ibagué",
    "Soacha",
    "Villavicencio",
    "Pasto",
    "Neiva",
    "Armenia",
    "Santa Marta",
    "Tunja",
    "Popayán",
    "Montería",
    "Valledupar",
]
OPERADORES = ["claro", "movistar", "tigo", "tigo_une", "etb", "wom"]
COLUMNAS_CASO = (
    "id",
    "uid",
    "token",
    "organizacion_id",
    "titular",
    "caso_base",
    "caso",
    "correo_avisos",
    "cerrado",
    "creado",
    "actualizado",
    "operador",
    "ciudad",
    "estado",
    "proxima_carta",
    "proximo_plazo",
    "proximo_vence",
    "vencido_desde",
    "urgencia",
    "plazos",
    "evaluado",
)


def _caso(r: random.Random, i: int) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """One plausible case (the seed, varied) and the events that filed and answered its complaints."""
    caso = cargar_semilla()
    caso["usuario"]["nombre"] = f"Persona {i}"
    caso["usuario"]["numero_documento"] = str(10_000_000 + i)
    caso["usuario"]["ciudad"] = r.choice(CIUDADES)
    caso["usuario"]["correo"] = None
    caso["operador"] = r.choice(OPERADORES)
    caso["fallas"] = caso["fallas"][: r.randint(1, 3)]
    caso["reclamaciones"] = []
    caso["gastos_adicionales"] = []
    eventos = []
    dia = HOY - timedelta(days=r.randint(0, 150))
    for indice in range(r.choice([0, 1, 1, 1, 2])):
        eventos.append({"tipo": "carta_radicada", "carta": "queja", "fecha": dia.isoformat(), "canal": "web"})
        respuesta = dia + timedelta(days=r.randint(3, 40))
        if respuesta <= HOY and r.random() < 0.55:
            sentido = r.choice(["favorable", "parcial", "desfavorable"])
            eventos.append(
                {
                    "tipo": "respuesta_recibida",
                    "reclamacion": str(indice),
                    "fecha": respuesta.isoformat(),
                    "sentido": sentido,
                }
            )
        dia = min(HOY, dia + timedelta(days=r.randint(10, 50)))
    if r.random() < 0.3:
        eventos.append({"tipo": "carta_generada", "carta": "terminacion", "fecha": HOY.isoformat()})
    return caso, eventos


def _preparar(tarea: tuple[int, int]) -> list[tuple[tuple, list[tuple], list[tuple]]]:
    """Build, evaluate and flatten a chunk of cases: (case row, event rows, complaint rows)."""
    inicio, fin = tarea
    salida = []
    ahora = datetime(2026, 11, 28, 15, 0)
    for i in range(inicio, fin):
        r = random.Random(i)
        base, datos_eventos = _caso(r, i)
        caso, hechos, filas_eventos = base, [], []
        for datos in datos_eventos:
            evento = leer_evento(datos)
            caso = aplicar(caso, evento)
            hechos.append(Hecho(evento.tipo, evento.fecha, evento.datos()))
            filas_eventos.append((i, evento.tipo, evento.fecha, json.dumps(evento.datos()), ahora))
        ev = evaluar_guardado(caso, hechos, False, HOY)
        org = None if i % 10 == 0 else (1 if i % 10 < 8 else 2)  # 70 % A, 20 % B, 10 % subscribers
        d = derivados(ev)
        creado = ahora - timedelta(days=r.randint(0, 150))
        fila = (
            i,
            secrets.token_hex(16),
            secrets.token_hex(32) if org is None else None,
            org,
            titular(caso),
            json.dumps(base),
            json.dumps(caso),
            None,
            False,
            creado,
            creado,
            d["operador"],
            d["ciudad"],
            d["estado"],
            d["proxima_carta"],
            d["proximo_plazo"],
            d["proximo_vence"],
            d["vencido_desde"],
            d["urgencia"],
            json.dumps(d["plazos"]),
            d["evaluado"],
        )
        quejas = [
            (
                i,
                org,
                p["operador"],
                p["indice"],
                p["tipo"],
                p["radicada"],
                p["vence"],
                p["respondida"],
                p["sentido"],
                p["incompleta"],
            )
            for p in pqrs(ev)
        ]
        salida.append((fila, filas_eventos, quejas))
    return salida


def _cargar(url: str, n: int, vacuum: bool = True) -> float:
    bd = base_de_datos(url)
    inicio = time.perf_counter()
    with bd.motor.begin() as c:
        c.execute(
            text("INSERT INTO organizaciones (id, nombre, creada) VALUES (1, 'A', now()), (2, 'B', now())")
        )
    crudo = bd.motor.raw_connection()
    try:
        cur = crudo.driver_connection.cursor()
        tareas = [(i, min(i + 1000, n + 1)) for i in range(1, n + 1, 1000)]
        with ProcessPoolExecutor(os.cpu_count() or 1) as grupo:
            for hecho, bloque in enumerate(grupo.map(_preparar, tareas), start=1):
                with cur.copy(f"COPY casos ({', '.join(COLUMNAS_CASO)}) FROM STDIN") as copia:
                    for fila, _, _ in bloque:
                        copia.write_row(fila)
                with cur.copy("COPY eventos (caso_id, tipo, fecha, datos, creado) FROM STDIN") as copia:
                    for _, eventos, _ in bloque:
                        for e in eventos:
                            copia.write_row(e)
                with cur.copy(
                    "COPY casos_pqr (caso_id, organizacion_id, operador, indice, tipo, radicada, vence, "
                    "respondida, sentido, incompleta) FROM STDIN"
                ) as copia:
                    for _, _, quejas in bloque:
                        for q in quejas:
                            copia.write_row(q)
                if hecho % 20 == 0:
                    print(f"  … {min(hecho * 1000, n):,} casos", flush=True)
        cur.execute("SELECT setval(pg_get_serial_sequence('casos', 'id'), (SELECT max(id) FROM casos))")
        crudo.commit()
    finally:
        crudo.close()
    with bd.motor.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        orden = "VACUUM ANALYZE" if vacuum else "ANALYZE"
        c.execute(text(f"{orden} casos, eventos, casos_pqr"))  # what autovacuum keeps up
    return time.perf_counter() - inicio


def _tablero(url: str, veces: int) -> list[float]:
    """Time every query of one dashboard page (summary, list, total, batches) for varied filters."""
    bd = base_de_datos(url)
    r = random.Random(1)
    tiempos = []
    filtros = [consultas.Filtros()] * 3 + [
        consultas.Filtros(operador=r.choice(OPERADORES)),
        consultas.Filtros(ciudad=r.choice(CIUDADES)),
        consultas.Filtros(estado=r.choice(list(ESTADOS))),
        consultas.Filtros(pagina=r.randint(2, 40)),
        consultas.Filtros(desde=date(2026, 9, 1), hasta=date(2026, 10, 31)),
        consultas.Filtros(operador="claro", ciudad="Bogotá D.C."),
    ]
    with bd.sesiones() as s:
        for vez in range(veces + 5):
            f = filtros[vez % len(filtros)]
            t = time.perf_counter()
            totales = consultas.resumen(s, 1, HOY)
            consultas.listar(s, 1, f, totales.total)
            consultas.lotes(s, 1)
            if vez >= 5:  # the first ones warm the caches
                tiempos.append((time.perf_counter() - t) * 1000)
    return sorted(tiempos)


def main() -> None:
    """Load, measure, print, clean up."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--casos", type=int, default=100_000)
    parser.add_argument(
        "--url",
        default=os.environ.get("SALIDA_BENCH_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test"),
    )
    parser.add_argument("--consultas", type=int, default=200)
    parser.add_argument("--conservar", action="store_true", help="Keep the schema (its name is printed).")
    parser.add_argument("--sin-vacuum", action="store_true", help="Only ANALYZE after loading.")
    args = parser.parse_args()
    esquema = "bench_casos_" + secrets.token_hex(4)
    motor = create_engine(args.url)
    with motor.begin() as c:
        c.execute(text(f'CREATE SCHEMA "{esquema}"'))
    url = f"{args.url}?options=-csearch_path%3D{esquema}"
    try:
        print(f"Esquema privado: {esquema}; {args.casos:,} casos")
        carga = _cargar(url, args.casos, not args.sin_vacuum)
        with base_de_datos(url).motor.connect() as c:
            eventos = c.execute(text("SELECT count(*) FROM eventos")).scalar()
            abiertos = c.execute(text("SELECT count(*) FROM casos WHERE NOT cerrado")).scalar()
        print(
            f"carga (evaluar + COPY):       {carga:,.1f} s  ({args.casos / carga:,.0f} casos/s, "
            f"{eventos:,} eventos)"
        )
        tiempos = _tablero(url, args.consultas)
        p95 = tiempos[int(len(tiempos) * 0.95) - 1]
        print(
            f"panel (todas sus consultas):  mediana {statistics.median(tiempos):.1f} ms · p95 {p95:.1f} ms · "
            f"máx {tiempos[-1]:.1f} ms  (objetivo p95 < 200 ms; organización de "
            f"{int(args.casos * 0.7):,} casos)"
        )
        r = revisar(base_de_datos(url), HOY + timedelta(days=3))
        print(
            f"revisión diaria:              {r.casos:,} casos abiertos de {abiertos:,} "
            f"en {r.segundos:.1f} s = "
            f"{r.por_segundo:,.0f} casos/s  (objetivo >= 1.000; cambiaron {r.cambiados:,}; "
            f"{len(r.avisos):,} recordatorios; errores {r.errores})"
        )
    finally:
        cerrar_base_de_datos(url)
        if not args.conservar:
            with motor.begin() as c:
                c.execute(text(f'DROP SCHEMA "{esquema}" CASCADE'))
        motor.dispose()


if __name__ == "__main__":
    main()
