<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ReviewsPage</name>
    <message>
        <source>Inget att granska. När en import från en partner skiljer sig från den här datorn i en uppgift som spelar roll (t.ex. frivårdsstatus eller samtycke) hamnar den här.</source>
        <translation>Nothing to review. When an import from a partner disagrees with this computer on a field that matters (e.g. probation status or consent), it is listed here.</translation>
    </message>
    <message>
        <source>&amp;Behåll</source>
        <translation>&amp;Keep</translation>
    </message>
    <message>
        <source>Behåll värdet som står i registret nu</source>
        <translation>Keep the value the register holds now</translation>
    </message>
    <message>
        <source>&amp;Ta den andra</source>
        <translation>&amp;Take the other</translation>
    </message>
    <message>
        <source>Skriv det andra värdet i registret</source>
        <translation>Write the other value into the register</translation>
    </message>
    <message>
        <source>Att granska</source>
        <translation>To review</translation>
    </message>
    <message>
        <source>Avgjort: %1, %2</source>
        <translation>Decided: %1, %2</translation>
    </message>
    <message>
        <source>1 uppgift att granska. Värdet i registret gäller tills någon väljer.</source>
        <translation>1 item to review. The value in the register stands until someone chooses.</translation>
    </message>
    <message>
        <source>%1 uppgifter att granska. Värdet i registret gäller tills någon väljer.</source>
        <translation>%1 fields to review. The value in the register stands until someone chooses.</translation>
    </message>
</context>
</TS>