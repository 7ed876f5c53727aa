# Views layer: what each page shows, as plain data: the page specs, the calendar, the catalogue, the timeline,
# every word per language (language/), the limits of national pages (limits.py) and the site's paths (urls.py).
