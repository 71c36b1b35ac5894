<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MeasuresPage</name>
    <message>
        <source>Första månaden i perioden</source>
        <translation>First month of the period</translation>
    </message>
    <message>
        <source>Sista månaden i perioden (i år: till i dag)</source>
        <translation>Last month of the period (this month: up to today)</translation>
    </message>
    <message>
        <source>Senaste 12 månaderna</source>
        <translation>Last 12 months</translation>
    </message>
    <message>
        <source>Senaste 24 månaderna</source>
        <translation>Last 24 months</translation>
    </message>
    <message>
        <source>I år</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>Förra året</source>
        <translation>Last year</translation>
    </message>
    <message>
        <source>Spara rapport (PDF)…</source>
        <translation>Save report (PDF)…</translation>
    </message>
    <message>
        <source>Rapporten till styrgruppen: en sida med periodens summor, sedan varje mått med diagram och tabell.</source>
        <translation>The report for the steering group: a page with the period&apos;s totals, then each measure with its chart and table.</translation>
    </message>
    <message>
        <source>Exportera tabeller (CSV)…</source>
        <translation>Export tables (CSV)…</translation>
    </message>
    <message>
        <source>En CSV-fil per tabell, för Excel och utvärderare.</source>
        <translation>One CSV file per table, for Excel and evaluators.</translation>
    </message>
    <message>
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <source>till och med</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Antal och andelar per månad — inga uppgifter om enskilda personer. Hur varje mått räknas står under dess rubrik.</source>
        <translation>Counts and shares per month — no details of any individual. How each measure is counted is said under its heading.</translation>
    </message>
    <message>
        <source>Mått</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>Från-månaden ligger efter till-månaden.</source>
        <translation>The from month is after the to month.</translation>
    </message>
    <message>
        <source>Räknar måtten för %1 – %2…</source>
        <translation>Computing the measures for %1 – %2…</translation>
    </message>
    <message>
        <source>Period %1. Räknat %2.</source>
        <translation>Period %1. Computed %2.</translation>
    </message>
    <message>
        <source>Ritar diagrammet…</source>
        <translation>Drawing the chart…</translation>
    </message>
    <message>
        <source>Räknar…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>Diagrammet kunde inte visas.</source>
        <translation>The chart could not be shown.</translation>
    </message>
    <message>
        <source>matt-%1-%2.pdf</source>
        <translation>measures-%1-%2.pdf</translation>
    </message>
    <message>
        <source>Spara rapporten som PDF</source>
        <translation>Save the report as PDF</translation>
    </message>
    <message>
        <source>PDF-filer (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Välj en mapp för tabellerna</source>
        <translation>Choose a folder for the tables</translation>
    </message>
    <message>
        <source>Ersätta tabellerna?</source>
        <translation>Replace the tables?</translation>
    </message>
    <message>
        <source>Mappen %1 har redan %2 av tabellerna (till exempel %3). Ersätta dem med tabellerna för den här perioden?</source>
        <translation>The folder %1 already has %2 of the tables (for example %3). Replace them with the tables for this period?</translation>
    </message>
    <message>
        <source>Rapporten är sparad som %1.</source>
        <translation>The report is saved as %1.</translation>
    </message>
    <message>
        <source>%1 tabeller är sparade i mappen %2.</source>
        <translation>%1 tables are saved in the folder %2.</translation>
    </message>
</context>
</TS>
