# Render layer: the Jinja environment over overrides/fragments/ and the escaping every fragment relies on.
