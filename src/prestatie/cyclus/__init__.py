"""The annual Woningwet cycle (art. 44): data/cyclus/<jaar>.yaml.

``model`` holds the schema of a year file, ``state`` the fase of a trajectory and
its deadlines at a peildatum (shared by ``rules/cyclus.py`` and the command),
``overview`` the library function behind ``prestatie cyclus`` and ``text`` its table.
"""
