# Tests of macros/outputs: .ics, Atom and the Office files (opened with their own libraries and LibreOffice).
