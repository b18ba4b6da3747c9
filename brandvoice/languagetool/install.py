"""Installing LanguageTool: the pinned release from Maven Central, only the languages asked for.

`mvn dependency:copy-dependencies` on a generated pom brings `languagetool-server` without the
`language-all` bundle, plus one `language-xx` module per language, into
`<cache>/languagetool/<version>/jars`. A marker JSON (version, languages, jars) makes a second run
a no-op. Without Maven, language-tool-python's own download (the full LanguageTool zip) is used
when the internet is reachable. Java 17+ is required either way.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from brandvoice.languagetool import (
    DEFAULT_LANGUAGES,
    IDENTIFIER_LANGUAGES,
    LT_VERSION,
    LanguageToolUnavailable,
    cache_root,
)

MIN_JAVA = 17
MARKER = "installed.json"
SUPPORTED_LANGUAGES = ("en", "fr", "de", "es", "ca", "pt", "it", "nl")

JAVA_HINT = (
    "Java 17 or newer is needed to run LanguageTool: install it "
    "(Debian/Ubuntu: `apt-get install openjdk-17-jre-headless`, macOS: `brew install openjdk@17`), "
    "make sure `java` is on PATH, then run `brandvoice languagetool install`"
)
MAVEN_HINT = (
    "Maven is needed to fetch LanguageTool {version} from Maven Central: install it "
    "(Debian/Ubuntu: `apt-get install maven`, macOS: `brew install maven`), "
    "then run `brandvoice languagetool install` (or pass --no-grammar)"
)

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Installation:
    version: str
    languages: tuple[str, ...]
    classpath: tuple[Path, ...]
    method: str  # "maven" or "language-tool-python"
    directory: Path

    def to_json(self) -> dict:
        return {
            "version": self.version,
            "languages": list(self.languages),
            "method": self.method,
            "jars": [str(p) for p in self.classpath],
        }


def install_dir(version: str = LT_VERSION) -> Path:
    return cache_root() / version


def find_java() -> str | None:
    java = shutil.which("java")
    if java is None and os.environ.get("JAVA_HOME"):
        candidate = Path(os.environ["JAVA_HOME"]) / "bin" / "java"
        java = str(candidate) if candidate.is_file() else None
    return java


def java_major_version(java: str) -> int | None:
    try:
        proc = subprocess.run([java, "-version"], check=False, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return parse_java_version(proc.stderr + proc.stdout)


def parse_java_version(text: str) -> int | None:
    """17 for `openjdk version "17.0.15"`, 8 for `java version "1.8.0_382"`, 21 for `"21"`."""
    found = re.search(r'version "(\d+)(?:\.(\d+))?', text)
    if not found:
        return None
    major = int(found.group(1))
    return int(found.group(2) or 0) if major == 1 else major


def require_java() -> str:
    """The `java` executable, or LanguageToolUnavailable saying what to install."""
    java = find_java()
    if java is None:
        raise LanguageToolUnavailable(f"no `java` found. {JAVA_HINT}")
    major = java_major_version(java)
    if major is None or major < MIN_JAVA:
        found = f"Java {major}" if major else "a Java whose version could not be read"
        raise LanguageToolUnavailable(f"{java} is {found}. {JAVA_HINT}")
    return java


def find_installation(languages: Iterable[str] = (), version: str = LT_VERSION) -> Installation | None:
    """The installed LanguageTool covering `languages`, if its marker and jars are intact."""
    directory = install_dir(version)
    try:
        data = json.loads((directory / MARKER).read_text(encoding="utf-8"))
        installation = Installation(
            version=data["version"],
            languages=tuple(data["languages"]),
            classpath=tuple(Path(p) for p in data["jars"]),
            method=data.get("method", "maven"),
            directory=directory,
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if installation.version != version or not all(p.is_file() for p in installation.classpath):
        return None
    if installation.method == "maven" and not set(languages) <= set(installation.languages):
        return None
    return installation


def normalise_languages(languages: Iterable[str]) -> tuple[str, ...]:
    codes = []
    for raw in languages:
        code = raw.strip().lower().split("-")[0]
        if not code:
            continue
        if code not in SUPPORTED_LANGUAGES:
            raise LanguageToolUnavailable(
                f"unsupported language “{raw}” for LanguageTool (choose from {', '.join(SUPPORTED_LANGUAGES)})"
            )
        if code not in codes:
            codes.append(code)
    return tuple(codes) or DEFAULT_LANGUAGES


def install(
    languages: Iterable[str] = DEFAULT_LANGUAGES,
    *,
    version: str = LT_VERSION,
    progress: Progress = lambda message: None,
) -> tuple[Installation, bool]:
    """Install (or find) LanguageTool for `languages`. Returns the installation and whether
    anything was downloaded. Raises LanguageToolUnavailable with the fix when it cannot."""
    wanted = normalise_languages(languages)
    require_java()
    existing = find_installation(wanted, version)
    if existing is not None:
        return existing, False
    from filelock import FileLock

    directory = install_dir(version)
    directory.mkdir(parents=True, exist_ok=True)
    with FileLock(str(directory / "install.lock"), timeout=600):
        existing = find_installation(wanted, version)  # another process may have just done it
        if existing is not None:
            return existing, False
        previous = find_installation((), version)
        keep = previous.languages if previous and previous.method == "maven" else ()
        all_languages = tuple(dict.fromkeys(keep + wanted))
        mvn = shutil.which("mvn")
        if mvn:
            installation = _install_with_maven(mvn, all_languages, version, directory, progress)
        else:
            installation = _install_with_language_tool_python(version, directory, progress)
        _write_marker(installation)
        return installation, True


def _pom(languages: tuple[str, ...], version: str) -> str:
    modules = tuple(dict.fromkeys(languages + IDENTIFIER_LANGUAGES))
    deps = "\n".join(
        f"    <dependency><groupId>org.languagetool</groupId><artifactId>language-{code}</artifactId>"
        f"<version>{version}</version></dependency>"
        for code in modules
    )
    return f"""<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.brandvoice</groupId>
  <artifactId>languagetool-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.languagetool</groupId><artifactId>languagetool-server</artifactId><version>{version}</version>
      <exclusions>
        <exclusion><groupId>org.languagetool</groupId><artifactId>language-all</artifactId></exclusion>
      </exclusions>
    </dependency>
{deps}
  </dependencies>
</project>
"""


def _install_with_maven(
    mvn: str, languages: tuple[str, ...], version: str, directory: Path, progress: Progress
) -> Installation:
    progress(f"Resolving LanguageTool {version} ({', '.join(languages)}) from Maven Central with {mvn}...")
    jars = directory / "jars"
    staging = directory / "jars.new"
    shutil.rmtree(staging, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="brandvoice-lt-") as tmp:
        pom = Path(tmp) / "pom.xml"
        pom.write_text(_pom(languages, version), encoding="utf-8")
        command = [
            mvn, "-q", "-B", "-f", str(pom), "dependency:copy-dependencies",
            f"-DoutputDirectory={staging}", "-DincludeScope=runtime",
        ]
        try:
            proc = subprocess.run(command, check=False, capture_output=True, text=True, timeout=1800)
        except subprocess.TimeoutExpired:
            raise LanguageToolUnavailable("Maven did not finish within 30 minutes; check your network") from None
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        raise LanguageToolUnavailable(
            f"Maven could not resolve LanguageTool {version} (is Maven Central reachable?):\n{tail}"
        )
    # swap in the new jars only once they are all there: a failed run leaves the old set usable
    shutil.rmtree(jars, ignore_errors=True)
    staging.rename(jars)
    classpath = tuple(sorted(jars.glob("*.jar")))
    if not any(p.name.startswith("languagetool-server-") for p in classpath):
        raise LanguageToolUnavailable(f"Maven ran but {jars} has no languagetool-server jar")
    progress(f"Installed {len(classpath)} jars in {jars}")
    return Installation(version, languages, classpath, "maven", directory)


def _internet_reachable(host: str = "languagetool.org", timeout: float = 3.0) -> bool:
    try:
        with socket.create_connection((host, 443), timeout=timeout):
            return True
    except OSError:
        return False


def _install_with_language_tool_python(version: str, directory: Path, progress: Progress) -> Installation:
    from language_tool_python.download_lt import LocalLanguageTool

    local = LocalLanguageTool.from_version_name(version)
    if local not in local.get_installed_versions():
        if not _internet_reachable():
            raise LanguageToolUnavailable(MAVEN_HINT.format(version=version))
        progress(f"Maven not found: downloading LanguageTool {version} with language-tool-python...")
        try:
            local.download()
        except Exception as exc:  # noqa: BLE001 (the library raises unrelated types for network failures)
            raise LanguageToolUnavailable(f"downloading LanguageTool failed ({exc}). {MAVEN_HINT.format(version=version)}") from None
    jar = local.get_jar_path()
    # the release zip bundles every language; its server jar's manifest lists the rest
    return Installation(version, ("all",), (jar,), "language-tool-python", directory)


def _write_marker(installation: Installation) -> None:
    marker = installation.directory / MARKER
    tmp = marker.with_suffix(".tmp")
    tmp.write_text(json.dumps(installation.to_json(), indent=2), encoding="utf-8")
    tmp.replace(marker)


# -- class-data sharing (AppCDS) ------------------------------------------------------------------
# A JVM spends seconds of its start loading and verifying LanguageTool's ~4,000 classes. At install
# time a training run (the server answering a sentence per language) lists the classes it loads;
# `java -Xshare:dump` maps them into an archive every later start reuses (-XX:SharedArchiveFile).
# The archive needs a class path without folders: the languagetool-server jar's manifest names
# `./` (and `libs/...` jars Maven does not lay out that way), so the archive's class path uses a
# copy of that jar without its manifest Class-Path. A JVM that cannot use the archive (another
# Java, changed jars) ignores it (-Xshare:auto, the default) and starts as before.

CDS_FOLDER = "cds"
CDS_MARKER = "cds.json"
_TRAINING_TEXTS = {
    "en": ("en-US", "This is a short sentence."),
    "fr": ("fr-FR", "Ceci est une phrase courte."),
    "de": ("de-DE", "Das ist ein kurzer Satz."),
}


@dataclass(frozen=True)
class ClassArchive:
    archive: Path
    classpath: tuple[Path, ...]

    def java_options(self) -> list[str]:
        return [f"-XX:SharedArchiveFile={self.archive}", "-Xshare:auto", "-Xlog:cds=off", "-Xlog:class+path=off"]


def find_class_archive(installation: Installation, java: str) -> ClassArchive | None:
    """The installation's class archive, if it was built for these jars and this Java."""
    folder = installation.directory / CDS_FOLDER
    try:
        data = json.loads((folder / CDS_MARKER).read_text(encoding="utf-8"))
        archive = ClassArchive(Path(data["archive"]), tuple(Path(p) for p in data["classpath"]))
        fresh = data["java"] == os.path.realpath(java) and data["jars"] == [str(p) for p in installation.classpath]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not fresh or not archive.archive.is_file() or not all(p.is_file() for p in archive.classpath):
        return None
    return archive


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

    from brandvoice.languagetool.server import MAIN_CLASS, answers, free_port

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
