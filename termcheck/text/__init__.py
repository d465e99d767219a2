"""The text layer: normalisation, English lemmas, language codes, and safe reading of text, XML and spreadsheets."""
