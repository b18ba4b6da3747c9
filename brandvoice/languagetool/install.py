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


# -- class-data sharing (AppCDS): built by `class_archive`, found here for every server start --

CDS_FOLDER = "cds"
CDS_MARKER = "cds.json"


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
