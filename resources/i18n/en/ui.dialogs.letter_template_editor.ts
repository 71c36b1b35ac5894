<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Brevtext</source>
        <translation>Letter text</translation>
    </message>
    <message>
        <source>Kopplingsfält</source>
        <translation>Merge fields</translation>
    </message>
    <message>
        <source>Problem i mallen</source>
        <translation>Problems in the template</translation>
    </message>
    <message>
        <source>Kopplingsfält – klicka för att infoga vid markören</source>
        <translation>Merge fields – click to insert at the cursor</translation>
    </message>
    <message>
        <source>1 problem – rätta det innan mallen kan sparas:</source>
        <translation>1 problem – fix it before the template can be saved:</translation>
    </message>
    <message>
        <source>%1 problem – rätta dem innan mallen kan sparas:</source>
        <translation>%1 problems – fix them before the template can be saved:</translation>
    </message>
    <message>
        <source>Inga problem i mallen.</source>
        <translation>No problems in the template.</translation>
    </message>
</context>
</TS>