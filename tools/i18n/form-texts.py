#!/usr/bin/env python3
"""Prints every translatable text of the forms as "key<TAB>text" (the keys of forms/i18n/*.json).

Key: form.<form id>.<component key, or id when it has none>.<label|dateLabel|timeLabel|description|text|placeholder>,
and form.<form id>.<component>.value.<stored value> for the label of a choice.
Run from the project root: python3 tools/i18n/form-texts.py [form id ...]
"""
import glob, json, sys

PROPS = ('label', 'dateLabel', 'timeLabel', 'description', 'text', 'placeholder')

def texts(form):
    out = {}
    def walk(component):
        name = component.get('key') or component.get('id')
        for prop in PROPS:
            value = component.get(prop)
            if isinstance(value, str) and value.strip() and component.get('type') != 'default':
                out[f"form.{form['id']}.{name}.{prop}"] = value
        for choice in component.get('values') or []:
            out[f"form.{form['id']}.{name}.value.{choice['value']}"] = choice['label']
        for child in component.get('components') or []:
            walk(child)
    walk(form)
    return out

if __name__ == '__main__':
    wanted = set(sys.argv[1:])
    for path in sorted(glob.glob('forms/*.form')):
        form = json.load(open(path, encoding='utf-8'))
        if wanted and form['id'] not in wanted:
            continue
        for key, value in texts(form).items():
            print(key + '\t' + value.replace('\n', '\\n'))
