"""Fixes: what a finding's check would change in the target, and corrected copies of the inputs.

edits.py and forms.py are text only (the checks declare their fixes with them); runner.py checks and
fixes documents until nothing fixable is left; copies.py writes each input's corrected copy in its format.
"""
