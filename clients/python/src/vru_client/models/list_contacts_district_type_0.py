from enum import StrEnum


class ListContactsDistrictType0(StrEnum):
    ASHFORD = "ashford"
    CANTERBURY = "canterbury"
    DARTFORD = "dartford"
    DOVER = "dover"
    FOLKESTONE_HYTHE = "folkestone-hythe"
    GRAVESHAM = "gravesham"
    MAIDSTONE = "maidstone"
    MEDWAY = "medway"
    SEVENOAKS = "sevenoaks"
    SWALE = "swale"
    THANET = "thanet"
    TONBRIDGE_MALLING = "tonbridge-malling"
    TUNBRIDGE_WELLS = "tunbridge-wells"

    def __str__(self) -> str:
        return str(self.value)
