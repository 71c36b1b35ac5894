<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>DisclosuresPage</name>
    <message>
        <source>Båda riktningarna</source>
        <translation>Both directions</translation>
    </message>
    <message>
        <source>Utlämnat</source>
        <translation>Disclosed</translation>
    </message>
    <message>
        <source>Mottaget</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Alla partner</source>
        <translation>All partners</translation>
    </message>
    <message>
        <source>Sök i partner, grund, ändamål…</source>
        <translation>Search partner, basis, purpose…</translation>
    </message>
    <message>
        <source>Skriv ut…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Rättslig grund:</source>
        <translation>Legal basis:</translation>
    </message>
    <message>
        <source>Ändamål:</source>
        <translation>Purpose:</translation>
    </message>
    <message>
        <source>Avvägning eller samtycke:</source>
        <translation>Balancing or consent:</translation>
    </message>
    <message>
        <source>Poster:</source>
        <translation>Records:</translation>
    </message>
    <message>
        <source>Urval:</source>
        <translation>Scope:</translation>
    </message>
    <message>
        <source>Bunt:</source>
        <translation>Bundle:</translation>
    </message>
    <message>
        <source>Utlämnanden</source>
        <translation>Disclosures</translation>
    </message>
    <message>
        <source>Inget i registret matchar filtren.</source>
        <translation>Nothing in the register matches the filters.</translation>
    </message>
    <message>
        <source>Registret är tomt. Varje bunt som lämnas ut till eller tas emot från en partner skrivs in här med rättslig grund och ändamål.</source>
        <translation>The register is empty. Every bundle disclosed to or received from a partner is entered here with its legal basis and purpose.</translation>
    </message>
    <message>
        <source>Utlämnat till %1</source>
        <translation>Disclosed to %1</translation>
    </message>
    <message>
        <source>Mottaget från %1</source>
        <translation>Received from %1</translation>
    </message>
    <message>
        <source>Allt som profilen tillåter</source>
        <translation>Everything the profile allows</translation>
    </message>
    <message>
        <source>nr %1, id %2</source>
        <translation>no. %1, id %2</translation>
    </message>
    <message>
        <source>Register över utlämnanden</source>
        <translation>Register of disclosures</translation>
    </message>
</context>
</TS>