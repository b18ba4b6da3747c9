"""energy: how loud a post is — exclamation marks, ALL-CAPS words, emoji and question marks.

- `max_exclamations` per text (default 1) and never a run like "!!" or "?!" (`exclamation_runs`);
- words in capitals that shout, once per run (as `capitalization` decides them: `nlp.capitals`),
  sparing acronyms (a shipped list, and short words in capitals that are not dictionary words),
  Roman numerals, the guide's accepted vocabulary and `caps_allow`; `caps_min_letters` (3) is the
  fewest letters a word alone needs; hashtags, mentions and URLs are never words here;
- emoji: `max_emoji` per text (a ZWJ family, a flag or a skin-toned hand counts once), `emoji_banned`,
  `emoji_allowed` (when given, only these), runs of more than `max_emoji_run` emoji in a row, and
  emoji standing for a word at the start of a line ("🏨 de rêve vous attend": screen readers read
  the emoji's name, and the sentence has no subject); `null` turns a limit off (the `emoji:`
  section's `channel.emoji` rule also limits runs and totals: a guide may leave those to it);
- `max_questions` per text (no limit by default).

```yaml
voice:
  energy: {max_exclamations: 1, max_emoji: 2, emoji_banned: ["💩"], caps_allow: [SALE]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from brandvoice.findings import Match
from brandvoice.messages import Messages, Plural
from brandvoice.nlp.capitals import Shout, shouts
from brandvoice.nlp.lexicons import load_lexicon
from brandvoice.parsing.social import NOT_PROSE
from brandvoice.rules.base import CheckContext, Example, Kind, RuleOptions

MESSAGES = Messages({
    "energy.default": "Too loud: “{match}”.",
    "energy.questions": Plural("{count} question mark (at most {max}).", "{count} question marks (at most {max})."),
    "energy.run": "“{found}”: one punctuation mark is enough.",
    "energy.exclamations": Plural("{count} exclamation mark (at most {max}).",
                                  "{count} exclamation marks (at most {max})."),
    "energy.caps": "“{word}” in capitals shouts: write it in lower case.",
    "energy.emoji_banned": "{emoji} is not one of this brand’s emoji.",
    "energy.emoji_not_allowed": "{emoji} is not in this brand’s emoji list ({allowed}).",
    "energy.emoji_count": Plural("{count} emoji (at most {max}).", "{count} emoji (at most {max})."),
    "energy.emoji_for_word": "{emoji} stands for a word at the start of the line: write the word.",
    "energy.emoji_run": Plural("{count} emoji in a row (at most {max}).", "{count} emoji in a row (at most {max})."),
})

_EXCLAMATION_RUN = regex.compile(r"[!?]*![!?]*")
_LINE_START_EMOJI = regex.compile(r"(?m)^[ \t]*")
_NEXT_LETTER = regex.compile(r"[ \t\u00a0]*(\p{L})")


class Options(RuleOptions):
    max_exclamations: int | None = 1
    exclamation_runs: bool = False
    caps: bool = True
    caps_min_letters: int = 3
    caps_allow: tuple[str, ...] = ()
    max_emoji: int | None = 3
    emoji_banned: tuple[str, ...] = ()
    emoji_allowed: tuple[str, ...] = ()
    max_emoji_run: int | None = 1
    emoji_for_words: bool = False
    max_questions: int | None = None


def _strip_variation(emoji: str) -> str:
    return emoji.replace("\ufe0f", "").replace("\ufe0e", "")


def check(ctx: CheckContext, options: Options) -> Iterator[Match]:
    yield from sorted(_all(ctx, options), key=lambda m: (m.start, m.end))


def _all(ctx: CheckContext, options: Options) -> Iterator[Match]:
    yield from _exclamations(ctx, options)
    if options.caps:
        for shout in shouted_words(ctx, options):
            word = ctx.text[shout.start : shout.end]
            yield Match(shout.start, shout.end, message=MESSAGES.say("energy.caps", word=word), replacements=(shout.calm,))
    yield from _emoji(ctx, options)
    if options.max_questions is not None:
        questions = [i for i, c in enumerate(ctx.text) if c in "?¿" and not _in_social(ctx, i)]
        for i in questions[options.max_questions :]:
            yield Match(i, i + 1, message=MESSAGES.say("energy.questions", count=len(questions), max=options.max_questions))


def _in_social(ctx: CheckContext, i: int) -> bool:
    return ctx.prose.overlaps(i, i + 1, NOT_PROSE)


def _exclamations(ctx: CheckContext, options: Options) -> Iterator[Match]:
    runs = [m for m in _EXCLAMATION_RUN.finditer(ctx.text) if not _in_social(ctx, m.start())]
    count = sum(m.group().count("!") for m in runs)
    allowed = options.max_exclamations
    seen = 0
    for m in runs:
        if len(m.group()) > 1 and not options.exclamation_runs:
            single = "?" if "?" in m.group() else "!"
            yield Match(m.start(), m.end(), message=MESSAGES.say("energy.run", found=m.group()), replacements=(single,))
            seen += m.group().count("!")
            continue
        seen += 1
        if allowed is not None and seen > allowed:
            yield Match(m.start(), m.end(), message=MESSAGES.say("energy.exclamations", count=count, max=allowed))


def shouted_words(ctx: CheckContext, options: Options) -> list[Shout]:
    """The shouts of the text, one per run of capitals, decided as `capitalization` decides them
    (acronyms, Roman numerals, accepted and allowed words spared); the tone profile counts them too."""
    spared = (*load_lexicon("acronyms"), *options.caps_allow, *ctx.accepted_words)
    key = ("energy.shouts", options.caps_allow, options.caps_min_letters)  # the rule's and the profile's
    return ctx.once(key, lambda: shouts(ctx, spared, options.caps_min_letters))


def _emoji(ctx: CheckContext, options: Options) -> Iterator[Match]:
    emoji = ctx.prose.spans_of("emoji")
    banned = {_strip_variation(e) for e in options.emoji_banned}
    allowed = {_strip_variation(e) for e in options.emoji_allowed}
    for span in emoji:
        key = _strip_variation(span.text)
        if key in banned:
            yield Match(span.start, span.end, message=MESSAGES.say("energy.emoji_banned", emoji=span.text))
        elif allowed and key not in allowed:
            message = MESSAGES.say("energy.emoji_not_allowed", emoji=span.text, allowed=" ".join(options.emoji_allowed))
            yield Match(span.start, span.end, message=message)
    if options.max_emoji is not None and len(emoji) > options.max_emoji:
        for span in emoji[options.max_emoji :]:
            yield Match(span.start, span.end, message=MESSAGES.say("energy.emoji_count", count=len(emoji), max=options.max_emoji))
    if options.max_emoji_run is not None:
        yield from _emoji_runs(ctx, emoji, options.max_emoji_run)
    if not options.emoji_for_words:
        for span in emoji:
            line_start = ctx.text.rfind("\n", 0, span.start) + 1
            if ctx.text[line_start : span.start].strip():
                continue
            after = _NEXT_LETTER.match(ctx.text, span.end)
            if after and after.group(1).islower():
                yield Match(span.start, span.end, message=MESSAGES.say("energy.emoji_for_word", emoji=span.text))


def _emoji_runs(ctx: CheckContext, emoji, max_run: int) -> Iterator[Match]:
    run: list = []
    for span in (*emoji, None):
        if span is not None and run and not ctx.text[run[-1].end : span.start].strip():
            run.append(span)
            continue
        if len(run) > max_run:
            yield Match(run[0].start, run[-1].end, message=MESSAGES.say("energy.emoji_run", count=len(run), max=max_run))
        run = [span] if span is not None else []


EXAMPLES = (
    Example("Enfin l’été !! Réservez VITE 🔥🔥🔥", expect=("!!", "VITE", "🔥🔥🔥"), language="fr-FR"),
    Example("Enfin l’été ! Réservez votre chambre à la SNCF 🌞", language="fr-FR", note="acronyms are spared"),
    Example("HUGE sale! Ends tonight!", expect=("HUGE", "!")),
    Example("Big sale at #NYC @REI stores! 🏔️", note="hashtags and mentions are never ALL CAPS"),
    Example("🏨 de rêve vous attend.", expect=("🏨",), language="fr-FR"),
    Example("👉 Réservez sur notre site.", language="fr-FR", note="an emoji bullet before a capital is fine"),
    Example("Sunny 🌞 and calm 🌊", expect=("🌊",), options={"max_emoji": 1}),
    Example("Sunny 🌞 and calm 🌊", expect=("🌞",), options={"emoji_banned": ["🌞"]}),
)


KIND = Kind(
    name="energy", category="tone", level="warning", options=Options, check=check,
    messages=MESSAGES, examples=EXAMPLES, doc=__doc__,
)
