# Tests of macros/site and of the built site as a whole: hooks, static-i18n contract, search, serve, publication.
