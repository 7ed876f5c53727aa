# Outputs layer: the files besides pages: .ics feeds, the Atom feed, the Word and Excel forms and their packaging.
