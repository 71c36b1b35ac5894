<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>PeoplePage</name>
    <message>
        <source>Sök på namn, alias eller personnummer</source>
        <translation>Search by name, alias or personal identity number</translation>
    </message>
    <message>
        <source>Visa bara medlemmar i en grupp</source>
        <translation>Show only members of one group</translation>
    </message>
    <message>
        <source>Alla grupper</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>Frivårdsstatus</source>
        <translation>Probation status</translation>
    </message>
    <message>
        <source>All frivårdsstatus</source>
        <translation>Any probation status</translation>
    </message>
    <message>
        <source>Aktiva: medlem i någon grupp i dag. Tidigare: har varit medlem, är det inte nu.</source>
        <translation>Active: a member of some group today. Former: has been a member, is not now.</translation>
    </message>
    <message>
        <source>Alla</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Aktiva</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Tidigare</source>
        <translation>Former</translation>
    </message>
    <message>
        <source>Ny person</source>
        <translation>New person</translation>
    </message>
    <message>
        <source>Lägg till en person (Ctrl+N)</source>
        <translation>Add a person (Ctrl+N)</translation>
    </message>
    <message>
        <source>Öppna</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Öppna den valda personen (Enter)</source>
        <translation>Open the selected person (Enter)</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Ta bort den valda personen (Delete)</source>
        <translation>Delete the selected person (Delete)</translation>
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
        <source>Skriv ett tecken till (eller Enter)</source>
        <translation>Type one more character (or Enter)</translation>
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
    <message>
        <source>Ingen person matchar filtret</source>
        <translation>No person matches the filter</translation>
    </message>
    <message>
        <source>Välj ”Alla grupper”, ”All frivårdsstatus” och ”Alla” för att se hela registret.</source>
        <translation>Choose “All groups”, “Any probation status” and “All” to see the whole register.</translation>
    </message>
    <message>
        <source>Ta bort person</source>
        <translation>Delete person</translation>
    </message>
    <message>
        <source>Ta bort %1 ur registret? Personen försvinner ur listor och sökningar; borttagningen loggas.</source>
        <translation>Delete %1 from the register? The person disappears from lists and searches; the deletion is logged.</translation>
    </message>
    <message>
        <source>%1 har tagits bort</source>
        <translation>%1 has been deleted</translation>
    </message>
</context>
</TS>
