# Site layer: the mkdocs hooks around one build, the mkdocs-macros entry, static-i18n contact, search and serve.
