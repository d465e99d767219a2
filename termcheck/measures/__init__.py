"""Units and currencies: CLDR's names and symbols (termcheck/data/cldr_quantities.json, made from Babel by
scripts/gen_cldr_quantities.py), termcheck's own conversion factors and Chinese market units, and the
readers that find a number with its unit in Chinese and English text (TC215, TC216)."""
