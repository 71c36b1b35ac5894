<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>MergeFieldsModel</name>
    <message>
        <source>%1 – %2. Klicka eller tryck Retur för att infoga. På engelska kan du också skriva {%3}.</source>
        <translation>%1 – %2. Click or press Enter to insert. In English you can also write {%3}.</translation>
    </message>
</context>
</TS>