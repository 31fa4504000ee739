"""Pure checks over the site's Markdown and data text.

Nothing in this package imports MkDocs: every function takes text (and the
path it came from, for messages) and returns findings. The MkDocs hooks in
``hooks/*.py`` only read files, call these functions and log the findings.
"""
