"""From approved posts to a proposal for the brand's guide.

The posts are checked by the real engine with the brand's current guide (`runner.Checker`), so
every number here is what `brandvoice check` would report on them. Approved posts are the brand's
practice; the proposal moves the guide towards it:

- `names` and `vocabulary.accept`: words LanguageTool calls misspelled that recur across posts,
  with counts and examples, minus likely typos (`typos`) and accent-stripped writings of words
  the posts also write with their accents; those written with a capital nearly every time
  ("Brisalune") are the brand's names (`names:`, every variant then flagged), the others words
  to accept;
- `tone` bands: for each measured tone dimension, the 10th–90th percentile interval over the
  posts (robust to a few outliers), and `voice.register` when one register clearly dominates;
- `hashtags.known`/`hashtags.required` and `mentions.official`: the tags and handles the brand
  uses consistently, with their usual spelling;
- `levels`: rules that fire on most approved posts (the guide disagrees with practice) are
  proposed at `suggestion`, with the share of posts each fires on.

A proposal only names keys the guide format knows (`registry.GUIDES`), so it always validates.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import regex

from brandvoice.channels.segment import strip_accents
from brandvoice.findings import FileResult, Finding, Level
from brandvoice.guides.model import ResolvedGuide
from brandvoice.learn.typos import TypoVerdict, likely_typo
from brandvoice.parsing.document import parse_document
from brandvoice.registry import GUIDES
from brandvoice.rules.register import Options as RegisterOptions

SPELLING = "spelling"
NAME_SHARE = 0.8  # a recurring word written with a capital this often is a name
_ACCENTED = regex.compile(r"[\p{L}]*[^\x00-\x7F\W\d_][\p{L}]*")  # a word with a non-ASCII letter
_WORDLIKE = regex.compile(r"\p{L}[\p{L}\p{M}\p{N}'’.\- ]*")
REGISTERS_FR = ("tu", "vous")


@dataclass(frozen=True)
class LearnSettings:
    min_posts: int | None = None  # "recurring": in at least this many posts (default: see `recurring_threshold`)
    rule_share: float = 0.5  # a rule firing on more than this share of approved posts disagrees with practice
    band: tuple[float, float] = (0.10, 0.90)  # the central interval proposed as a tone band
    min_measured: int = 5  # fewer measured posts than this: no band (too noisy)
    register_share: float = 0.75  # the dominant register must cover this share of addressed posts
    required_share: float = 0.9  # a hashtag in this share of posts is proposed as required

    def recurring_threshold(self, posts: int) -> int:
        """At least 3 posts, and at least 1% of a large corpus (where one-off names pile up)."""
        if self.min_posts is not None:
            return max(1, self.min_posts)
        return max(3, math.ceil(posts * 0.01))


# --- the evidence -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Example:
    path: str
    excerpt: str


@dataclass
class WordUse:
    """A word flagged as misspelled, across the corpus."""

    word: str  # the most frequent spelling
    posts: int
    occurrences: int
    examples: list[Example]
    typo: TypoVerdict | None = None
    capitalised: float = 0.0  # share of its occurrences written with a capital, not all in capitals

    @property
    def name(self) -> bool:
        """Written with a capital nearly every time: a name (Brisalune), not a word (vélotaf)."""
        return self.capitalised >= NAME_SHARE


@dataclass(frozen=True)
class ToneBand:
    dimension: str
    low: float
    high: float
    median: float
    measured: int  # posts with a value for this dimension


@dataclass(frozen=True)
class RegisterUse:
    counts: dict[str, int]  # register → posts
    dominant: str | None
    share: float  # of the posts with a detected register
    clear: bool = False  # the dominant register covers enough posts to be the brand's


@dataclass(frozen=True)
class TagUse:
    tag: str  # the brand's usual spelling
    posts: int
    share: float
    spellings: dict[str, int]


@dataclass(frozen=True)
class RuleUse:
    rule: str
    category: str
    level: str
    posts: int
    share: float
    example: Example


@dataclass(frozen=True)
class Change:
    """One edit to the guide file: set a value at `path`, or extend the list at `path`."""

    path: tuple[str, ...]
    value: Any
    mode: Literal["set", "extend"] = "set"
    comment: str | None = None


@dataclass
class Proposal:
    guide: ResolvedGuide
    posts: int
    recurring: int  # the min-posts threshold used
    names: list[WordUse] = field(default_factory=list)
    accept: list[WordUse] = field(default_factory=list)
    typos: list[WordUse] = field(default_factory=list)
    tone: list[ToneBand] = field(default_factory=list)
    register: RegisterUse | None = None
    hashtags: list[TagUse] = field(default_factory=list)
    mentions: list[TagUse] = field(default_factory=list)
    rules: list[RuleUse] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    spelling_checked: bool = True  # False with --no-grammar: no vocabulary evidence at all


# --- learning -----------------------------------------------------------------------------------


def learn_from_results(
    results: Sequence[FileResult], guide: ResolvedGuide, settings: LearnSettings = LearnSettings()
) -> Proposal:
    """Derive the proposal from the posts as checked by the engine with `guide`."""
    total = len(results)
    proposal = Proposal(guide=guide, posts=total, recurring=settings.recurring_threshold(total))
    if total == 0:
        proposal.notes.append("no posts to learn from")
        return proposal
    lang = (results[0].language or guide.language or "en").split("-")[0]
    words = _recurring_words(results, guide, lang, proposal.recurring)
    proposal.names = [w for w in words if w.typo is None and w.name]
    proposal.accept = [w for w in words if w.typo is None and not w.name]
    proposal.typos = [w for w in words if w.typo is not None]
    proposal.tone = _tone_bands(results, settings, proposal.notes)
    proposal.register = _register_use(results, settings.register_share)
    proposal.hashtags = _tag_uses(results, "hashtag", proposal.recurring)
    proposal.mentions = _tag_uses(results, "mention", proposal.recurring)
    # rules the proposal already answers: new tone bands, a new register
    answered = {f"tone.{band.dimension}" for band in proposal.tone}
    if _new_register(proposal, settings):
        answered.add("voice.register")
    proposal.rules = _disagreeing_rules(results, answered, settings.rule_share)
    _note_unknown_words(proposal, results, settings.rule_share)
    proposal.changes = _changes(proposal, settings)
    return proposal


def _excerpt(result: FileResult, finding: Finding, width: int = 90) -> str:
    """The line of the finding, shortened around the match."""
    source = result.source
    start = source.rfind("\n", 0, finding.offset) + 1
    end = source.find("\n", finding.offset)
    line = source[start : end if end != -1 else len(source)]
    return _shorten(line, finding.offset - start, width)


def _shorten(line: str, start: int, width: int) -> str:
    """At most `width` characters of `line`, keeping the text from `start` in view."""
    if len(line) <= width:
        return line.strip()
    left = max(0, min(start - width // 3, len(line) - width))
    text = line[left : left + width].strip()
    return ("…" if left > 0 else "") + text + ("…" if left + width < len(line) else "")


def _recurring_words(results: Sequence[FileResult], guide: ResolvedGuide, lang: str, threshold: int) -> list[WordUse]:
    accepted = {w.casefold() for w in guide.accepted_words}
    posts: dict[str, set[str]] = defaultdict(set)
    occurrences: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    suggestions: dict[str, set[str]] = defaultdict(set)
    examples: dict[str, list[Example]] = defaultdict(list)
    for result in results:
        for finding in result.findings:
            word = finding.match.strip()
            if finding.category != SPELLING or not _WORDLIKE.fullmatch(word):
                continue  # "&amp", "http…": markup or debris, not a word to accept
            key = word.casefold()
            if key in accepted or any(r.casefold() == key for r in finding.replacements):
                continue  # accepted already, or a casing slip ("i" → "I"), not an unknown word
            occurrences[key] += 1
            spellings[key][word] += 1
            suggestions[key].update(finding.replacements)
            if result.path not in posts[key] and len(examples[key]) < 3:
                examples[key].append(Example(result.path, _excerpt(result, finding)))
            posts[key].add(result.path)
    accented = _accented_words(results)
    uses = []
    for key, seen_in in posts.items():
        if len(seen_in) < threshold:
            continue
        word = spellings[key].most_common(1)[0][0]
        typo = likely_typo(word, lang, suggestions[key]) or _stripped_of_accents(word, accented)
        capitalised = sum(n for s, n in spellings[key].items() if s[:1].isupper() and not s.isupper()) / occurrences[key]
        uses.append(WordUse(word, len(seen_in), occurrences[key], examples[key], typo, capitalised))
    uses.sort(key=lambda u: (-u.posts, -u.occurrences, u.word.casefold()))
    return uses


def _accented_words(results: Sequence[FileResult]) -> dict[str, str]:
    """Words the posts write with accents, by their unaccented form (écologie under ecologie)."""
    found: dict[str, Counter[str]] = defaultdict(Counter)
    for result in results:
        for word in _ACCENTED.findall(result.source):
            found[strip_accents(word.casefold())][word.casefold()] += 1
    return {key: spellings.most_common(1)[0][0] for key, spellings in found.items()}


def _stripped_of_accents(word: str, accented: dict[str, str]) -> TypoVerdict | None:
    """A word the posts also write with its accents ("ecologie" beside "écologie") is that word
    with its accents lost, never a word to accept."""
    with_accents = accented.get(strip_accents(word.casefold()))
    if with_accents is None or with_accents == word.casefold():
        return None
    return TypoVerdict(word, with_accents, 0.0, 0.0)


def _tone_profiles(results: Iterable[FileResult]) -> Iterable[dict[str, Any]]:
    for result in results:
        tone = result.metrics.get("tone")
        if isinstance(tone, dict):
            yield tone


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        return None
    return float(value)


def _tone_bands(results: Sequence[FileResult], settings: LearnSettings, notes: list[str]) -> list[ToneBand]:
    values: dict[str, list[float]] = defaultdict(list)
    for tone in _tone_profiles(results):
        for dimension, raw in tone.items():
            value = _number(raw)
            if value is not None:
                values[dimension].append(value)
    bands = []
    too_few = [d for d, measured in values.items() if len(measured) < settings.min_measured]
    if too_few:
        notes.append(
            f"tone: {', '.join(too_few)} measured on fewer than {settings.min_measured} posts, no band proposed"
        )
    for dimension, measured in values.items():  # in the profile's own order
        if dimension in too_few:
            continue
        low, high = percentile(measured, settings.band[0]), percentile(measured, settings.band[1])
        low, high = _round_band(low, high, max(abs(v) for v in measured))
        if high - low < 1e-9:
            # nearly every post sits at one value (no passive at all...): a band would flag any change
            notes.append(f"tone: {dimension} is {low:g} in at least {settings.band[1] - settings.band[0]:.0%} of the posts, no band proposed")
            continue
        bands.append(ToneBand(dimension, low, high, round(statistics.median(measured), 3), len(measured)))
    return bands


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolation percentile (numpy's default), `q` in [0, 1]."""
    ordered = sorted(values)
    position = q * (len(ordered) - 1)
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def _round_band(low: float, high: float, scale: float) -> tuple[float, float]:
    """Round outwards, so the band still holds the interval: 2 decimals for shares, 1 otherwise."""
    digits = 2 if scale <= 1 else 1
    factor = 10**digits
    # round first: 0.29 * 100 is 28.999999999999996, which must not floor to 0.28
    return math.floor(round(low * factor, 6)) / factor, math.ceil(round(high * factor, 6)) / factor


def _register_use(results: Sequence[FileResult], clear_share: float) -> RegisterUse | None:
    counts: Counter[str] = Counter()
    for tone in _tone_profiles(results):
        register = tone.get("register")
        if isinstance(register, str) and register:
            counts[register] += 1
    if not counts:
        return None
    addressed = sum(counts.values())  # tu, vous, and "mixed" posts that use both
    if not any(counts[r] for r in REGISTERS_FR):
        return RegisterUse(dict(counts), None, 0.0)
    dominant, n = max(((r, counts[r]) for r in REGISTERS_FR), key=lambda rn: rn[1])
    if counts["tu"] == counts["vous"]:
        return RegisterUse(dict(counts), None, n / addressed)  # a tie names no register
    return RegisterUse(dict(counts), dominant, n / addressed, n / addressed >= clear_share)


def _tag_key(tag: str, kind: str) -> str:
    return strip_accents(tag.casefold()) if kind == "hashtag" else tag.casefold()


def _preferred_spelling(spellings: Counter[str]) -> str:
    """The most used spelling, except that CamelCase wins (#SummerSale reads as two words to a
    screen reader, #summersale as letters), written with the accents the posts give it when some
    write it with them (#ecologie beside #écologie is #écologie: never learn a stripped accent)."""
    camel = [s for s, _ in spellings.most_common() if _camel_case(s.lstrip("#@"))]
    chosen = camel[0] if camel else spellings.most_common(1)[0][0]
    accented = [s for s, _ in spellings.most_common() if s != strip_accents(s) and len(s) == len(chosen)]
    if not accented or chosen != strip_accents(chosen):
        return chosen
    model = accented[0]
    return "".join(a.upper() if c.isupper() else a.lower() for c, a in zip(chosen, model))


def _camel_case(body: str) -> bool:
    """#SummerSale or #EnR, not #Ecologie (one capital) nor #CLIMAT (shouting)."""
    return any(c.islower() for c in body) and any(c.isupper() for c in body[1:])


def _tag_uses(results: Sequence[FileResult], kind: str, threshold: int) -> list[TagUse]:
    posts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for result in results:
        prose = parse_document(result.path, result.source).prose  # the engine parsed it already: it parses
        seen = set()
        for span in prose.spans_of(kind):
            key = _tag_key(span.text, kind)
            spellings[key][span.text] += 1
            if key not in seen:
                seen.add(key)
                posts[key] += 1
    total = len(results)
    uses = [
        TagUse(_preferred_spelling(spellings[key]), n, n / total, dict(spellings[key]))
        for key, n in posts.items()
        if n >= threshold
    ]
    return sorted(uses, key=lambda u: (-u.posts, u.tag.casefold()))


def _note_unknown_words(proposal: Proposal, results: Sequence[FileResult], share: float) -> None:
    """Misspellings left once the candidates are accepted: many posts with them means one-off names."""
    proposed = {w.word.casefold() for w in (*proposal.names, *proposal.accept)}
    posts = sum(
        1
        for result in results
        if any(f.category == SPELLING and f.match.strip().casefold() not in proposed for f in result.findings)
    )
    if results and posts / len(results) > share:
        proposal.notes.append(
            f"spelling: {posts / len(results):.0%} of the posts still have words LanguageTool does not know, each in "
            f"fewer than {proposal.recurring} posts (one-off names?): review them with `brandvoice check`"
        )


def _disagreeing_rules(results: Sequence[FileResult], answered: set[str], share: float) -> list[RuleUse]:
    posts: Counter[str] = Counter()
    first: dict[str, tuple[FileResult, Finding]] = {}
    for result in results:
        seen = set()
        for finding in result.findings:
            if finding.rule in answered or finding.category == SPELLING:
                continue  # misspellings are answered word by word (vocabulary), never by a level
            if finding.rule not in seen:
                seen.add(finding.rule)
                posts[finding.rule] += 1
                first.setdefault(finding.rule, (result, finding))
    total = len(results)
    uses = []
    for rule, n in posts.items():
        if n / total > share:
            result, finding = first[rule]
            uses.append(
                RuleUse(rule, finding.category, str(finding.level), n, n / total, Example(result.path, _excerpt(result, finding)))
            )
    return sorted(uses, key=lambda u: (-u.share, u.rule))


# --- the guide edits ----------------------------------------------------------------------------


def guide_has(path: tuple[str, ...]) -> bool:
    """Whether the guide format has a key at `path`."""
    return GUIDES.has_key(path)


def _new_register(proposal: Proposal, settings: LearnSettings) -> str | None:
    """The register the posts clearly use, when the guide says otherwise (or nothing)."""
    register = proposal.register
    if not register or not register.dominant or not register.clear:
        return None
    voice = proposal.guide.section("voice")
    current = voice.register_ if voice is not None else None
    if isinstance(current, RegisterOptions):  # `register: {use: vous}` rather than `register: vous`
        current = current.use
    return register.dominant if current != register.dominant else None


def _changes(proposal: Proposal, settings: LearnSettings) -> list[Change]:
    guide = proposal.guide
    changes: list[Change] = []

    def propose(change: Change, what: str) -> None:
        if guide_has(change.path):
            changes.append(change)
        else:
            proposal.notes.append(f"{what}: the guide format has no `{'.'.join(change.path)}` yet, not proposed")

    if proposal.names:
        propose(Change(("names",), [w.word for w in proposal.names], "extend"), "names")
    if proposal.accept:
        propose(Change(("vocabulary", "accept"), [w.word for w in proposal.accept], "extend"), "vocabulary")

    current_tone = guide.section("tone")
    for band in proposal.tone:
        current = getattr(current_tone, band.dimension, None) if current_tone is not None else None
        current = list(current) if current is not None else None
        learned = [band.low, band.high]
        if isinstance(current, list) and len(current) == 2:
            # a bound the author left open (null) stays open: only the bounds they set are learned
            learned = [None if old is None else new for old, new in zip(current, learned)]
        if current != learned:
            propose(Change(("tone", band.dimension), learned), "tone bands")

    register = _new_register(proposal, settings)
    if register:
        propose(Change(("voice", "register"), register), "register")

    hashtags = guide.section("hashtags")
    known = {_tag_key(t, "hashtag") for t in hashtags.known}
    required = {_tag_key(t, "hashtag") for t in hashtags.required}
    new_known = [u.tag for u in proposal.hashtags if _tag_key(u.tag, "hashtag") not in known]
    new_required = [
        u.tag for u in proposal.hashtags if u.share >= settings.required_share and _tag_key(u.tag, "hashtag") not in required
    ]
    if new_known:
        propose(Change(("hashtags", "known"), new_known, "extend"), "hashtags")
    if new_required:
        propose(Change(("hashtags", "required"), new_required, "extend"), "hashtags")

    official = {m.casefold() for m in guide.section("mentions").official}
    new_official = [u.tag for u in proposal.mentions if u.tag.casefold() not in official]
    if new_official:
        propose(Change(("mentions", "official"), new_official, "extend"), "mentions")

    for use in proposal.rules:
        if Level.parse(use.level) > Level.SUGGESTION:
            comment = f"learn: fires on {use.share:.0%} of {proposal.posts} approved posts"
            propose(Change(("levels", use.rule), "suggestion", comment=comment), "levels")
    return changes
