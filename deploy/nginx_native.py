"""Run deploy/nginx/mpp.conf with the machine's own nginx (Debian's), outside Docker: for the test that proves
the configuration and for `make bench`. Only the lines marked "site:" change (addresses and paths)."""
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "deploy" / "nginx" / "mpp.conf"
NGINX = "/usr/sbin/nginx"


def site_config(tmp: Path, *, http_port: int, https_port: int, upstream_port: int, static_root: Path) -> str:
    replacements = {
        "/var/cache/nginx/mpp": str(tmp / "cache"),
        "server web:8000;": f"server 127.0.0.1:{upstream_port};",
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
        "/etc/nginx/tls/cert.pem": str(tmp / "cert.pem"),
        "/etc/nginx/tls/key.pem": str(tmp / "key.pem"),
        "alias /app/staticfiles/;": f"alias {static_root}/;",
    }
    lines = []
    for line in CONFIG.read_text().splitlines():
        if "# site:" in line:
            for old, new in replacements.items():
                line = line.replace(old, new)
            if "/etc/nginx" in line or "web:8000" in line:
                raise ValueError(f"unreplaced site line: {line}")
        lines.append(line)
    return "\n".join(lines)


def certificate(tmp: Path) -> None:
    """A self-signed certificate for 127.0.0.1, which clients can trust by loading cert.pem."""
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", tmp / "key.pem", "-out", tmp / "cert.pem"],
                   check=True, capture_output=True)


def prepare(tmp: Path, **ports_and_static) -> list[str]:
    """Write the certificate, the site config and the surrounding nginx.conf a distribution ships (everything
    writable under ``tmp``); return the command that runs nginx in the foreground."""
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "cache").mkdir(exist_ok=True)
    certificate(tmp)
    (tmp / "mpp.conf").write_text(site_config(tmp, **ports_and_static))
    # Started as root (a CI container), nginx's workers would drop to "nobody" and lose the temp directory.
    user = "user root;" if os.geteuid() == 0 else ""
    main = tmp / "nginx.conf"
    main.write_text(f"""
{user}
daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/mpp.conf;
}}
""")
    return [NGINX, "-p", str(tmp), "-c", str(main), "-e", str(tmp / "error.log")]


def check(command: list[str]) -> subprocess.CompletedProcess:
    """``nginx -t`` on the prepared configuration."""
    return subprocess.run([command[0], "-t", *command[1:]], capture_output=True, text=True)
