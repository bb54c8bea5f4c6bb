from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse

from etp_inventory.dependencies import Rules, Settings
from etp_inventory.public_map import service
from etp_inventory.public_map.dependencies import Latitude, Longitude, NearestLimit
from etp_inventory.public_map.schemas import NearestPacks, SiteFeatureCollection
from vru_shared.auth import public
from vru_shared.db import Session
from vru_shared.problems import problem_responses

router = APIRouter(tags=["public map"], dependencies=[public()])


class GeoJSONResponse(JSONResponse):
    media_type = "application/geo+json"


def _cache(response: Response, settings: Settings) -> None:
    response.headers["Cache-Control"] = f"public, max-age={settings.public_cache_seconds}"


@router.get(
    "/v1/public/packs.geojson",
    summary="Map of ready packs (GeoJSON)",
    description="No token needed. One GeoJSON Point per public site with ready packs: name, address, postcode, "
    "access hours, cabinet type, how many ready packs and their public ids. Never a lock code, a contact or a "
    "site that is not public. Cached for a minute (`Cache-Control: public`) and rate-limited at the gateway.",
    response_model=SiteFeatureCollection,
    response_class=GeoJSONResponse,
    responses=problem_responses(429),
)
async def packs_geojson(
    session: Session, rules: Rules, settings: Settings, response: Response
) -> SiteFeatureCollection:
    _cache(response, settings)
    return await service.geojson(session, rules=rules)


@router.get(
    "/v1/public/packs/nearest",
    summary="Nearest ready packs",
    description="No token needed. The `limit` ready packs at public sites nearest to `latitude`/`longitude`, "
    "nearest first, with the straight-line distance in metres. Never a lock code, a contact or a hidden site.",
    response_model=NearestPacks,
    responses=problem_responses(422, 429),
)
async def nearest_packs(
    session: Session,
    rules: Rules,
    settings: Settings,
    response: Response,
    latitude: Latitude,
    longitude: Longitude,
    limit: NearestLimit = 5,
) -> NearestPacks:
    _cache(response, settings)
    return await service.nearest(session, rules=rules, latitude=latitude, longitude=longitude, limit=limit)


@router.get(
    "/v1/public/sites.csv",
    summary="Open data: public sites (CSV)",
    description="No token needed. Every public site, one row each ("
    + ", ".join(f"`{c}`" for c in service.CSV_COLUMNS)
    + "), like the national defibrillator network's open data. UTF-8, CRLF line ends, a header row.",
    response_class=Response,
    responses={
        200: {"content": {"text/csv": {"example": ",".join(service.CSV_COLUMNS) + "\r\n"}}},
        **problem_responses(429),
    },
)
async def sites_csv(session: Session, rules: Rules, settings: Settings) -> Response:
    body = await service.open_data_csv(session, rules=rules)
    return Response(
        content=body,
        media_type="text/csv; charset=utf-8",
        headers={
            "Cache-Control": f"public, max-age={settings.public_cache_seconds}",
            "Content-Disposition": 'attachment; filename="vru-trauma-pack-sites.csv"',
        },
    )
