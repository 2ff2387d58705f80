"""Commands that write data files: atomic, never overwriting by accident, keeping comments.

``atomic`` writes files; ``yamltext`` edits a file line by line (ruamel.yaml locates,
nothing else changes); ``templates`` holds the text of new files; ``nieuw`` and
``voortgang`` are the edits behind ``prestatie nieuw`` and ``prestatie voortgang``.
"""
