# SPDX-License-Identifier: MIT
"""registry.py -- a read-only npm registry over a directory of tarballs.

    /usr/bin/python3 tests/packages/registry.py DIR

Serves, on 127.0.0.1 and a free port, the packages whose `npm pack`
tarballs (NAME-VERSION.tgz) are in DIR, the way the npm registry does:
GET /NAME is the package's document (every version's package.json, with
dist.tarball, dist.integrity and dist.shasum), GET /NAME/-/FILE.tgz the
tarball. Anything else is 404. Prints "port N" once listening, then serves
until killed. npm.test installs `pmext` from it, so that npm resolves the
main package's optional dependencies as it would from the public registry.
"""

import base64
import hashlib
import http.server
import json
import os
import sys
import tarfile
import urllib.parse


def packuments(directory, base):
    """{name: registry document} for the tarballs in directory."""
    docs = {}
    for file in sorted(os.listdir(directory)):
        if not file.endswith(".tgz"):
            continue
        path = os.path.join(directory, file)
        with tarfile.open(path) as tar:
            manifest = json.load(tar.extractfile("package/package.json"))
        data = open(path, "rb").read()
        name, version = manifest["name"], manifest["version"]
        manifest["dist"] = {
            "tarball": f"{base}/{name}/-/{file}",
            "integrity": "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode(),
            "shasum": hashlib.sha1(data).hexdigest(),
        }
        doc = docs.setdefault(name, {"name": name, "versions": {}, "dist-tags": {}})
        doc["versions"][version] = manifest
        doc["dist-tags"]["latest"] = version
    return docs


class Registry(http.server.BaseHTTPRequestHandler):
    directory = "."

    def do_GET(self):
        parts = urllib.parse.unquote(self.path.split("?")[0]).strip("/").split("/")
        base = f"http://127.0.0.1:{self.server.server_port}"
        docs = packuments(self.directory, base)
        if len(parts) == 1 and parts[0] in docs:
            self.send(200, "application/json", json.dumps(docs[parts[0]]).encode())
        elif (len(parts) == 3 and parts[1] == "-" and parts[0] in docs
              and os.path.isfile(os.path.join(self.directory, parts[2]))):
            self.send(200, "application/octet-stream",
                      open(os.path.join(self.directory, parts[2]), "rb").read())
        else:
            self.send(404, "application/json", b'{"error":"not found"}')

    def send(self, code, kind, body):
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def main(argv):
    if len(argv) != 2:
        print("usage: registry.py DIR", file=sys.stderr)
        return 2
    Registry.directory = argv[1]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Registry)
    print("port", server.server_port, flush=True)
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
