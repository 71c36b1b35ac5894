<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>PeoplePage</name>
    <message>
        <source>Sök på namn, alias eller personnummer</source>
        <translation>Search by name, alias or personal identity number</translation>
    </message>
    <message>
        <source>Födelsedatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Personer</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Inga personer i valvet ännu</source>
        <translation>No people in the vault yet</translation>
    </message>
    <message>
        <source>Importera personer från ett kalkylblad med %1, eller prova Mottryck med påhittade personer: %2.</source>
        <translation>Import people from a spreadsheet with %1, or try Mottryck with invented people: %2.</translation>
    </message>
    <message>
        <source>Ingen person matchar ”%1”</source>
        <translation>Nobody matches “%1”</translation>
    </message>
    <message>
        <source>Sök på förnamn, efternamn, alias eller personnummer. Början av ett ord räcker: ”lin” hittar Lindqvist.</source>
        <translation>Search by first name, last name, alias or personal identity number. The start of a word is enough: “lin” finds Lindqvist.</translation>
    </message>
</context>
</TS>