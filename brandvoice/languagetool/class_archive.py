"""LanguageTool's class archive (AppCDS), built at `brandvoice languagetool install` time.

A JVM spends seconds of its start loading and verifying LanguageTool's ~4,000 classes. A training
run (the server answering a sentence per language) lists the classes it loads; `java -Xshare:dump`
maps them into an archive every later start reuses (-XX:SharedArchiveFile, see
`install.find_class_archive`). The archive needs a class path without folders: the
languagetool-server jar's manifest names `./` (and `libs/...` jars Maven does not lay out that
way), so the archive's class path uses a copy of that jar without its manifest Class-Path. A JVM
that cannot use the archive (another Java, changed jars) ignores it (-Xshare:auto) and starts as
before.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from brandvoice.languagetool import LanguageToolUnavailable
from brandvoice.languagetool.install import (
    CDS_FOLDER,
    CDS_MARKER,
    ClassArchive,
    Installation,
    Progress,
    find_class_archive,
    require_java,
)
from brandvoice.languagetool.server import MAIN_CLASS, answers, free_port

_TRAINING_TEXTS = {
    "en": ("en-US", "This is a short sentence."),
    "fr": ("fr-FR", "Ceci est une phrase courte."),
    "de": ("de-DE", "Das ist ein kurzer Satz."),
}


def build_class_archive(installation: Installation, progress: Progress = lambda message: None) -> ClassArchive | None:
    """Build (or find) the installation's class archive; None when this Java cannot (said)."""
    java = require_java()
    existing = find_class_archive(installation, java)
    if existing is not None or installation.method != "maven":
        return existing
    folder = installation.directory / CDS_FOLDER
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    progress("Building LanguageTool's class archive (faster starts): a training run, then java -Xshare:dump...")
    classpath = tuple(_without_manifest_classpath(p, folder) for p in installation.classpath)
    class_list = folder / "classes.lst"
    archive = folder / "languagetool.jsa"
    try:
        _training_run(java, classpath, class_list, installation.languages)
        dump = subprocess.run(
            [java, "-Xshare:dump", f"-XX:SharedClassListFile={class_list}", f"-XX:SharedArchiveFile={archive}",
             "-cp", os.pathsep.join(map(str, classpath))],  # fmt: skip
            capture_output=True, text=True, timeout=900,
        )
    except (OSError, subprocess.TimeoutExpired, LanguageToolUnavailable) as exc:
        progress(f"No class archive (LanguageTool starts without it): {exc}")
        return None
    if dump.returncode != 0 or not archive.is_file():
        progress(f"No class archive (LanguageTool starts without it): {(dump.stderr or dump.stdout).strip()[-300:]}")
        return None
    marker = {"archive": str(archive), "classpath": [str(p) for p in classpath], "java": os.path.realpath(java),
              "jars": [str(p) for p in installation.classpath]}  # fmt: skip
    (folder / CDS_MARKER).write_text(json.dumps(marker, indent=2), encoding="utf-8")
    progress(f"Class archive: {archive} ({archive.stat().st_size / 2**20:.0f} MB)")
    return ClassArchive(archive, classpath)


def _without_manifest_classpath(jar: Path, folder: Path) -> Path:
    """`jar`, or a copy of it in `folder` without the manifest's Class-Path when it has one."""
    import zipfile

    with zipfile.ZipFile(jar) as source:
        try:
            manifest = source.read("META-INF/MANIFEST.MF").decode("utf-8")
        except KeyError:
            return jar
        if "\nClass-Path:" not in "\n" + manifest.replace("\r\n", "\n"):
            return jar
        lines, skipping = [], False
        for line in manifest.replace("\r\n", "\n").split("\n"):
            skipping = line.startswith("Class-Path:") or (skipping and line.startswith(" "))
            if not skipping:
                lines.append(line)
        copy = folder / jar.name
        with zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                data = "\r\n".join(lines).encode("utf-8") if item.filename == "META-INF/MANIFEST.MF" else source.read(item)
                target.writestr(item, data)
    return copy


def _training_run(java: str, classpath: tuple[Path, ...], class_list: Path, languages: tuple[str, ...]) -> None:
    """Start the server listing the classes it loads, check a sentence per language, stop it."""
    import signal
    import time

    import httpx

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [java, "-Xmx1g", f"-XX:DumpLoadedClassList={class_list}", "-cp", os.pathsep.join(map(str, classpath)),
               MAIN_CLASS, "--port", str(port)]  # fmt: skip
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 300
        while not answers(url, timeout=2.0):
            if process.poll() is not None or time.monotonic() > deadline:
                raise LanguageToolUnavailable("the training server did not start")
            time.sleep(0.2)
        for code in languages:
            if code in _TRAINING_TEXTS:
                language, text = _TRAINING_TEXTS[code]
                httpx.post(f"{url}/v2/check", data={"language": language, "text": text}, timeout=600, trust_env=False)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
