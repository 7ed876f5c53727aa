# Views layer: what each page shows, as plain data: the page specs, the calendar, the catalogue, the timeline, language and labels.
