# shapes: a module-level boto3 S3 client (no SDK), used freely here
import boto3

MANUALS_BUCKET = "fleet-manuals"

s3 = boto3.client("s3")


def manual_url(vehicle_id: str) -> str:
    return s3.generate_presigned_url(
        "get_object", Params={"Bucket": MANUALS_BUCKET, "Key": f"manuals/{vehicle_id}.pdf"}, ExpiresIn=3600
    )


def upload_report(depot: str, body: bytes) -> None:
    s3.put_object(Bucket=MANUALS_BUCKET, Key=f"reports/{depot}.json", Body=body)
