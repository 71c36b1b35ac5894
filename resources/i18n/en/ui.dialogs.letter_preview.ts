<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>LetterPreview</name>
    <message>
        <source>Kunde inte spara %1: %2</source>
        <translation>Could not save %1: %2</translation>
    </message>
    <message>
        <source>Förminska</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Förstora</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Hela bredden</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Skriv ut…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Spara som PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Sida %1 av %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>Spara brev som PDF</source>
        <translation>Save letters as PDF</translation>
    </message>
    <message>
        <source>PDF-filer (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Sparat som %1. Breven är antecknade i loggen.</source>
        <translation>Saved as %1. The letters are recorded in the log.</translation>
    </message>
    <message>
        <source>Skriver ut…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Skrivaren kunde inte startas. Inget har skrivits ut.</source>
        <translation>The printer could not be started. Nothing was printed.</translation>
    </message>
    <message>
        <source>Utskriften avbröts. Inget har antecknats.</source>
        <translation>Printing was cancelled. Nothing was recorded.</translation>
    </message>
    <message>
        <source>Utskriften är skickad. Breven är antecknade i loggen.</source>
        <translation>Sent to the printer. The letters are recorded in the log.</translation>
    </message>
</context>
</TS>