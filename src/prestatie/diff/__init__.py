"""The semantic diff of two versions of the data: what changed, not which lines.

``model`` holds the plain result (dataclasses with ``to_dict``), ``compare`` compares
two versions of one document, ``engine`` reads both sides from git and pairs the
files, ``scope`` applies the --gemeente/--corporatie/--thema filters, and ``text``
renders the result in Dutch.
"""
