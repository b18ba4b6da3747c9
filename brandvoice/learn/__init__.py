"""Learning a guide from approved posts (`brandvoice learn`) and starting one (`brandvoice guides init`).

- `corpus`: reads approved posts: files, or text files holding one post per line;
- `analysis`: runs the real check engine over the posts and derives a `Proposal` (vocabulary to
  accept, tone bands, register, hashtags and mentions, rules that disagree with practice);
- `typos`: tells a recurring brand word from a likely typo (edit distance 1 from a frequent word);
- `guidefile`: applies a proposal to the guide's YAML with a comment-preserving round trip, and diffs;
- `init`: the commented starter guide written by `brandvoice guides init`.
"""
