"""The shipped reverse-proxy configuration (hardening part 2, item 5): nginx accepts it, and behind it
slow request bodies do not freeze gunicorn (ten connections trickling bytes, a normal request still
answered). Runs real nginx and real gunicorn on loopback; skipped where nginx is not installed."""

from __future__ import annotations

import http.client
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parents[2]
DEPLOY = RAIZ / "deploy"
HOST = "127.0.0.1"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)

pytestmark = [pytest.mark.skipif(NGINX is None, reason="nginx no está instalado"), pytest.mark.slow]


def _puerto() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _principal(carpeta: Path, http: str) -> Path:
    """A main nginx.conf for a private, unprivileged instance in `carpeta` around `http` directives."""
    for sub in ("cuerpos", "proxy", "fastcgi", "uwsgi", "scgi"):
        (carpeta / sub).mkdir(exist_ok=True)
    usuario = "user root;" if os.geteuid() == 0 else ""
    conf = carpeta / "nginx.conf"
    conf.write_text(f"""
{usuario}
daemon off;
worker_processes 1;
pid {carpeta}/nginx.pid;
error_log {carpeta}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {carpeta}/cuerpos;
    proxy_temp_path {carpeta}/proxy;
    fastcgi_temp_path {carpeta}/fastcgi;
    uwsgi_temp_path {carpeta}/uwsgi;
    scgi_temp_path {carpeta}/scgi;
{http}
}}
""")
    return conf


def test_la_configuracion_de_produccion_es_valida(tmp_path):
    if shutil.which("openssl") is None:
        pytest.skip("openssl no está instalado")
    cert, clave = tmp_path / "cert.pem", tmp_path / "clave.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=salida.example.org", "-keyout", str(clave), "-out", str(cert)],
                   check=True, capture_output=True)
    sitio = (DEPLOY / "nginx.conf").read_text()
    sitio = (sitio.replace("/etc/letsencrypt/live/salida.example.org/fullchain.pem", str(cert))
             .replace("/etc/letsencrypt/live/salida.example.org/privkey.pem", str(clave))
             .replace("/etc/nginx/salida-proxy.conf", str(DEPLOY / "salida-proxy.conf"))
             .replace("/var/log/nginx/salida.log", str(tmp_path / "acceso.log")))
    conf = _principal(tmp_path, sitio)
    r = subprocess.run([NGINX, "-t", "-c", str(conf)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "request_uri" not in sitio.split("log_format", 1)[1].split(";", 1)[0]  # no paths in logs


@pytest.fixture
def detras_de_nginx(tmp_path) -> Iterator[int]:
    """gunicorn (1 worker, 2 threads: easy to starve) behind nginx with the shipped proxy settings."""
    interno, externo = _puerto(), _puerto()
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("SALIDA_")},
           "SALIDA_SECRET_KEY": secrets.token_hex(32), "SALIDA_SESSION_COOKIE_SECURE": "false",
           "SALIDA_RESPONSABLE_DATOS": "Pruebas de Salida",
           "SALIDA_BIND": f"{HOST}:{interno}", "SALIDA_WORKERS": "1", "SALIDA_THREADS": "2",
           "SALIDA_PROXIES_DE_CONFIANZA": "1", "DATABASE_URL": f"sqlite:///{tmp_path / 'salida.db'}"}
    gunicorn_bin = str(Path(sys.executable).with_name("gunicorn"))
    orden = [gunicorn_bin, "-c", "python:web.gunicorn_conf", "app:create_app()"]
    registro = (tmp_path / "gunicorn.log").open("wb")
    gunicorn = subprocess.Popen(orden, cwd=RAIZ, env=env, start_new_session=True, stdout=registro,
                                stderr=registro)
    conf = _principal(tmp_path, f"""
    upstream salida {{ server {HOST}:{interno}; keepalive 4; }}
    limit_conn_zone $binary_remote_addr zone=salida_conexiones:1m;
    limit_req_zone $binary_remote_addr zone=salida_solicitudes:1m rate=20r/s;
    server {{
        listen {HOST}:{externo};
        include {DEPLOY / 'salida-proxy.conf'};
    }}
""")
    nginx = subprocess.Popen([NGINX, "-c", str(conf)], start_new_session=True, stdout=registro,
                             stderr=registro)
    try:
        limite = time.monotonic() + 180
        while _estado(externo, timeout=5) != 200:
            assert gunicorn.poll() is None and nginx.poll() is None, "gunicorn o nginx terminaron"
            assert time.monotonic() < limite, "no respondieron a tiempo"
            time.sleep(0.2)
        yield externo
    finally:
        for proceso in (nginx, gunicorn):
            os.killpg(proceso.pid, 15)
            proceso.wait(timeout=60)
        registro.close()


def _estado(puerto: int, timeout: float) -> int | None:
    try:
        conexion = http.client.HTTPConnection(HOST, puerto, timeout=timeout)
        conexion.request("GET", "/api/v1/reglas")
        estado = conexion.getresponse().status
        conexion.close()
        return estado
    except OSError:
        return None


def test_cuerpos_lentos_no_congelan_a_gunicorn(detras_de_nginx):
    puerto = detras_de_nginx
    lentos = []
    for _ in range(10):  # each promises 1,000 bytes and sends one: a slowloris body
        s = socket.create_connection((HOST, puerto))
        s.sendall(b"POST /api/v1/evaluar HTTP/1.1\r\nHost: salida\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 1000\r\n\r\n{")
        lentos.append(s)
    try:
        # gunicorn has 2 threads; were the bodies passed through, ten trickling clients would hold them.
        assert _estado(puerto, timeout=60) == 200
        for s in lentos:
            s.sendall(b" ")
        assert _estado(puerto, timeout=60) == 200
    finally:
        for s in lentos:
            s.close()
