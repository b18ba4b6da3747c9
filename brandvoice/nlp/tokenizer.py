"""Social-media tokenization on top of spaCy's rules.

- URLs, e-mail addresses, @mentions, #hashtags and emoji sequences (ZWJ families, skin tones,
  flags, keycaps) become single tokens, marked `token._.social` with their kind. The spans come
  from `brandvoice.parsing.social` (the same ones every other kind sees): the tokenizer cuts the
  text around them before spaCy's own rules run on the rest.
- Texts are given to spaCy with ’ replaced by ' (same length, so offsets do not move): the
  models were trained on straight apostrophes and mis-tag "l’hôtel" otherwise. Use
  `token_text(ctx_text, token)` to read the original characters.
- Words that contain an apostrophe stay whole when the language pack says so (French
  "aujourd’hui", "quelqu’un", "presqu’île"), while elisions split after the apostrophe ("l’" +
  "hôtel", "t’" + "as").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from brandvoice.languages.packs import pack_for
from brandvoice.parsing.social import SocialSpan, find_social_spans


def normalise(text: str) -> str:
    """The text spaCy sees: same length and offsets, typographic apostrophes made straight."""
    return text.replace("’", "'")


def token_text(text: str, token: Any) -> str:
    """The original characters of a token (before `normalise`)."""
    return text[token.idx : token.idx + len(token.text)]


def social_kind(token: Any) -> str | None:
    """`token._.social`, read where spaCy keeps it (the doc's `user_data`, keyed by the token's
    offset): kinds ask for every token, and each `token._` builds an accessor object."""
    return token.doc.user_data.get(("._.", "social", token.idx, None))


def _register() -> None:
    from spacy.tokens import Token

    if not Token.has_extension("social"):
        Token.set_extension("social", default=None)


class SocialTokenizer:
    """spaCy's tokenizer for the prose between social spans; each social span one token.

    Splitting before tokenizing (rather than merging after) keeps a hashtag from swallowing the
    punctuation glued to it ("#été2026!").
    """

    def __init__(self, base: Any) -> None:
        self.base = base
        self.vocab = base.vocab

    def __call__(self, text: str) -> Any:
        return self.tokenize(text, find_social_spans(text))

    def tokenize(self, text: str, spans: Iterable[SocialSpan]) -> Any:
        """The doc of a text whose social spans are known (those of the prose it was made from)."""
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        kinds: list[str | None] = []
        pos = 0
        for social in spans:
            if social.start < pos:
                continue
            self._segment(text[pos : social.start], words, spaces, kinds)
            words.append(text[social.start : social.end])
            spaces.append(text.startswith(" ", social.end))
            kinds.append(social.kind)
            pos = social.end + (1 if spaces[-1] else 0)
        if not kinds:
            return self.base(text)
        self._segment(text[pos:], words, spaces, kinds)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for token, kind in zip(doc, kinds):
            if kind:
                token._.social = kind
        return doc

    def _segment(self, segment: str, words: list[str], spaces: list[bool], kinds: list[str | None]) -> None:
        if not segment:
            return
        if segment.startswith(" ") and words and not spaces[-1]:
            spaces[-1] = True  # one space after the previous token is its trailing space
            segment = segment[1:]
            if not segment:
                return
        for token in self.base(segment):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))
            kinds.append(None)

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)


def customise(nlp: Any) -> None:
    """Install the social tokenizer and the language pack's exceptions (once per nlp)."""
    _register()
    if isinstance(nlp.tokenizer, SocialTokenizer):
        return
    base = nlp.tokenizer
    pack = pack_for(nlp.lang)
    if pack and pack.tokenizer_exceptions:
        from spacy.symbols import ORTH

        for word in pack.tokenizer_exceptions:
            for form in (word, word.capitalize()):
                base.add_special_case(form, [{ORTH: form}])
    nlp.tokenizer = SocialTokenizer(base)
